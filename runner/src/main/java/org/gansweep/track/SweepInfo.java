package org.gansweep.track;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the MLflow image of a sweep shows about it: its identity and description, the keys that vary with their
 * defaults (for short run names), the headline trajectory columns (for the group bands; empty: the first two),
 * the planned runs per group (a group's bands are logged once it is complete), and how this process ran it:
 * {@code shard} "0/1" for a whole sweep, backend and dtype as really run ("" when nothing was trained here),
 * and the command, for the experiment's description. Immutable.
 */
public record SweepInfo(String name, String specHash, String experiment, String description,
                        List<String> varyingKeys, Map<String, Object> defaults, List<String> headlineColumns,
                        SortedMap<String, Integer> groupSizes, String backend, String dtype, String shard,
                        String command) {
    public SweepInfo {
        varyingKeys = List.copyOf(varyingKeys);
        defaults = Map.copyOf(defaults);
        headlineColumns = List.copyOf(headlineColumns);
        groupSizes = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(groupSizes));
    }

    public int plannedRuns() {
        return groupSizes.values().stream().mapToInt(Integer::intValue).sum();
    }
}
