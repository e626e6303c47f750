package org.gansweep.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.gansweep.spec.SweepSpec;

/**
 * Every run a sweep (or one shard of it) asks for, in a fixed order, before anything trains. Immutable.
 *
 * @param base         where the base config came from, for the record
 * @param varyingKeys  parameters whose value differs among the runs of the whole sweep (seed excluded)
 * @param reference    the group the report compares the others with (of the whole sweep, also in a shard)
 */
public record RunPlan(SweepSpec spec, String base, List<PlannedRun> runs, List<String> varyingKeys,
                      int duplicatesDropped, Shard shard, ReferenceGroup reference) {
    public RunPlan {
        runs = List.copyOf(runs);
        varyingKeys = List.copyOf(varyingKeys);
    }

    public RunPlan shard(Shard part) {
        if (!shard.equals(Shard.ALL)) {
            throw new IllegalStateException("plan is already shard " + shard);
        }
        List<PlannedRun> mine = new ArrayList<>();
        for (int p = 0; p < runs.size(); p++) {
            if (part.contains(p)) {
                mine.add(runs.get(p));
            }
        }
        return new RunPlan(spec, base, mine, varyingKeys, duplicatesDropped, part, reference);
    }

    /** For each varying parameter, its distinct values in first-seen order. */
    public Map<String, List<Object>> axisValues() {
        Map<String, List<Object>> axes = new LinkedHashMap<>();
        for (String key : varyingKeys) {
            LinkedHashSet<Object> values = new LinkedHashSet<>();
            for (PlannedRun run : runs) {
                values.add(run.config().value(key));
            }
            axes.put(key, List.copyOf(values));
        }
        return axes;
    }

    /** Number of distinct groups (configs without the seed). */
    public long groupCount() {
        return runs.stream().map(PlannedRun::group).distinct().count();
    }
}
