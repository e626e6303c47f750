package org.gansweep.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gansweep.spec.SweepSpec;

/**
 * Chooses a sweep's reference group: the one {@code compare_to} names, which must pick out exactly one group by
 * swept parameters; without it, the group with every swept parameter at its base-config value, when the sweep
 * has one. Checked with the rest of the plan, so a bad {@code compare_to} fails before anything trains.
 */
final class References {
    static final String BY_DEFAULTS = "every swept parameter at its default";
    static final String BY_COMPARE_TO = "named by compare_to";

    private References() {
    }

    static ReferenceGroup choose(SweepSpec spec, Map<String, Object> defaults, List<PlannedRun> runs,
                                 List<String> varyingKeys, Values values) {
        String file = spec.file();
        if (spec.compareTo().isEmpty()) {
            if (varyingKeys.isEmpty()) {
                return ReferenceGroup.none("nothing varies in this sweep, so there is nothing to compare");
            }
            Map<String, Object> wanted = new LinkedHashMap<>();
            varyingKeys.forEach(k -> wanted.put(k, defaults.get(k)));
            List<GroupKey> matches = matching(runs, wanted);
            return matches.isEmpty()
                    ? ReferenceGroup.none("no group has every swept parameter at its default (" + show(wanted)
                    + "); name the reference with \"compare_to\" in the spec")
                    : ReferenceGroup.of(matches.get(0), BY_DEFAULTS);
        }
        Map<String, Object> wanted = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : spec.compareTo().entrySet()) {
            String path = "compare_to." + e.getKey();
            values.require(e.getKey(), path);
            if (!varyingKeys.contains(e.getKey())) {
                throw new PlanException(file + ": " + path + ": not swept in this sweep; "
                        + (varyingKeys.isEmpty() ? "nothing varies, so there is nothing to compare"
                        : "compare_to names swept parameters: " + String.join(", ", varyingKeys)));
            }
            wanted.put(e.getKey(), values.normalize(e.getKey(), e.getValue(), path));
        }
        List<GroupKey> matches = matching(runs, wanted);
        if (matches.isEmpty()) {
            throw new PlanException(file + ": compare_to: no group has " + show(wanted) + "; it should name the "
                    + "values of one group of the sweep");
        }
        if (matches.size() > 1) {
            List<String> others = new ArrayList<>(varyingKeys);
            others.removeAll(wanted.keySet());
            throw new PlanException(file + ": compare_to: " + show(wanted) + " matches " + matches.size()
                    + " groups; it should pick out one (add " + String.join(", ", others) + ")");
        }
        return ReferenceGroup.of(matches.get(0), BY_COMPARE_TO);
    }

    /** The distinct groups whose config has every wanted value, in plan order. */
    private static List<GroupKey> matching(List<PlannedRun> runs, Map<String, Object> wanted) {
        Set<GroupKey> groups = new LinkedHashSet<>();
        for (PlannedRun run : runs) {
            if (wanted.entrySet().stream().allMatch(e -> run.config().value(e.getKey()).equals(e.getValue()))) {
                groups.add(run.group());
            }
        }
        return List.copyOf(groups);
    }

    private static String show(Map<String, Object> values) {
        List<String> pairs = new ArrayList<>();
        values.forEach((k, v) -> pairs.add(k + "=" + Values.show(v)));
        return String.join(" ", pairs);
    }
}
