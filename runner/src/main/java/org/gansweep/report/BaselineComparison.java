package org.gansweep.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gansweep.plan.GroupKey;
import org.gansweep.plan.ReferenceGroup;

/**
 * Every group of a sweep against its reference group: does a trick change the success rate beyond seed noise?
 * Per group: the difference in success rate with Newcombe's interval, Fisher's exact p-value, Holm-adjusted
 * across the compared groups (with eleven groups some differ at p < 0.05 by chance), a verdict, and the
 * difference in median steps to converge with a bootstrap interval. Immutable.
 *
 * @param reference the reference group; empty when there is none or it has no complete run
 * @param note      how the reference was chosen, or why nothing is compared
 * @param groups    each compared group's comparison (the reference itself is not among them)
 */
public record BaselineComparison(Optional<GroupKey> reference, String note, Map<GroupKey, GroupComparison> groups) {
    public BaselineComparison {
        groups = Map.copyOf(groups);
    }

    static BaselineComparison of(ReferenceGroup reference, List<GroupSummary> summaries, double confidenceLevel) {
        if (reference.group().isEmpty()) {
            return new BaselineComparison(Optional.empty(), reference.note(), Map.of());
        }
        GroupKey key = reference.group().get();
        Optional<GroupSummary> found = summaries.stream().filter(g -> g.group().equals(key)).findFirst();
        if (found.isEmpty()) {
            return new BaselineComparison(Optional.empty(), "the reference group (" + reference.note()
                    + ") has no complete run yet", Map.of());
        }
        GroupSummary base = found.get();
        List<GroupSummary> others = new ArrayList<>(summaries);
        others.removeIf(g -> g.group().equals(key));
        double[] pValues = new double[others.size()];
        for (int i = 0; i < others.size(); i++) {
            GroupSummary g = others.get(i);
            pValues[i] = FisherExactTest.twoSided(g.successes(), g.runs() - g.successes(), base.successes(),
                    base.runs() - base.successes());
        }
        double[] adjusted = HolmAdjustment.adjust(pValues);
        Map<GroupKey, GroupComparison> comparisons = new LinkedHashMap<>();
        for (int i = 0; i < others.size(); i++) {
            GroupSummary g = others.get(i);
            double difference = g.successRate() - base.successRate();
            comparisons.put(g.group(), new GroupComparison(difference,
                    NewcombeInterval.of(g.runs(), g.successes(), base.runs(), base.successes(), confidenceLevel),
                    pValues[i], adjusted[i], Verdict.of(difference, adjusted[i]),
                    BootstrapMedianDifference.of(steps(g), steps(base), confidenceLevel)));
        }
        return new BaselineComparison(Optional.of(key), reference.note(), comparisons);
    }

    private static double[] steps(GroupSummary group) {
        return group.stepsToConverge().stream().mapToDouble(Long::doubleValue).toArray();
    }

    /** The group's comparison; empty for the reference itself and when nothing is compared. */
    public Optional<GroupComparison> of(GroupKey group) {
        return Optional.ofNullable(groups.get(group));
    }

    public boolean present() {
        return reference.isPresent();
    }
}
