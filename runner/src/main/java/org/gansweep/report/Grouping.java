package org.gansweep.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.gansweep.engine.Outcome;
import org.gansweep.plan.GroupKey;
import org.gansweep.plan.ReferenceGroup;
import org.gansweep.record.RunRecord;

/** Groups run records by config (without seed) and summarizes each group. */
public final class Grouping {
    static final double CONFIDENCE = 0.95;

    private Grouping() {
    }

    /**
     * The report of a sweep's complete runs: {@code finalColumns} are the final metrics whose group medians the
     * tables show, {@code reference} the group the others are compared with.
     */
    public static SweepReport summarize(String sweep, List<RunRecord> records, List<String> varyingKeys,
                                        int plannedRuns, List<String> finalColumns, ReferenceGroup reference) {
        Map<GroupKey, List<RunRecord>> groups = new LinkedHashMap<>();
        for (RunRecord record : records) {
            groups.computeIfAbsent(record.group(), g -> new ArrayList<>()).add(record);
        }
        List<GroupSummary> summaries = new ArrayList<>();
        for (List<RunRecord> group : groups.values()) {
            summaries.add(summarize(group, varyingKeys));
        }
        summaries.sort(byParameters(varyingKeys));
        return new SweepReport(sweep, varyingKeys, summaries, records.size(), plannedRuns, finalColumns,
                BaselineComparison.of(reference, summaries, CONFIDENCE));
    }

    static GroupSummary summarize(List<RunRecord> group, List<String> varyingKeys) {
        RunRecord first = group.get(0);
        TreeMap<String, Object> parameters = new TreeMap<>();
        varyingKeys.forEach(k -> parameters.put(k, first.config().value(k)));
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            outcomes.put(o, 0);
        }
        List<KaplanMeier.Observation> times = new ArrayList<>();
        List<Long> stepsToConverge = new ArrayList<>();
        int successes = 0;
        long censoredAt = 0;
        for (RunRecord r : group) {
            outcomes.merge(r.outcome(), 1, Integer::sum);
            successes += r.success() ? 1 : 0;
            censoredAt = Math.max(censoredAt, r.steps());
            if (r.success()) {
                stepsToConverge.add(r.stepsToConverge().getAsLong());
            }
            times.add(r.success() ? new KaplanMeier.Observation(r.stepsToConverge().getAsLong(), true)
                    : new KaplanMeier.Observation(r.steps(), false));
        }
        return new GroupSummary(first.group(), parameters, group.size(), successes,
                WilsonScoreInterval.of(group.size(), successes, CONFIDENCE), KaplanMeier.median(times), censoredAt,
                outcomes, medianFinals(group), stepsToConverge);
    }

    private static TreeMap<String, Double> medianFinals(List<RunRecord> group) {
        TreeMap<String, List<Double>> values = new TreeMap<>();
        for (RunRecord r : group) {
            r.finalMetrics().forEach((k, v) -> {
                if (Double.isFinite(v)) {
                    values.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
                }
            });
        }
        TreeMap<String, Double> medians = new TreeMap<>();
        values.forEach((k, v) -> medians.put(k, new Median().evaluate(v.stream().mapToDouble(Double::doubleValue).toArray())));
        return medians;
    }

    /** Numbers compare numerically, everything else by text; parameters in the order of varyingKeys. */
    private static Comparator<GroupSummary> byParameters(List<String> keys) {
        return (a, b) -> {
            for (String k : keys) {
                int c = compare(a.parameters().get(k), b.parameters().get(k));
                if (c != 0) {
                    return c;
                }
            }
            return a.group().compareTo(b.group());
        };
    }

    private static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }
}
