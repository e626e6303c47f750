package org.gansweep.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed, shape-checked sweep spec. Values are JSON scalars (Long, Double, Boolean, String); axes are
 * already expanded to their value lists. Whether parameters exist and values fit is the planner's check,
 * since that needs the experiment's schema. Immutable.
 *
 * @param file       the path as the user gave it, for messages
 * @param text       the spec's bytes as given, kept in results so a sweep documents itself
 * @param zip        each zip group maps parameter to values; all lists in a group have one length
 * @param exclude    each entry maps parameter (or "seed") to the values that exclude a run
 * @param compareTo  parameter to value, naming the group the others are compared with; empty for the default
 *                   (the group at the base config's values), in the order given
 */
public record SweepSpec(String file, String text, String name, String experiment, Optional<String> base,
                        Optional<String> description, Map<String, Object> set, Map<String, List<Object>> grid,
                        List<Map<String, List<Object>>> zip, List<Long> seeds, List<Map<String, List<Object>>> exclude,
                        Map<String, Object> compareTo) {
    public SweepSpec {
        set = Map.copyOf(set);
        grid = Map.copyOf(grid);
        zip = List.copyOf(zip);
        seeds = List.copyOf(seeds);
        exclude = List.copyOf(exclude);
        compareTo = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(compareTo));
    }

    /** Content hash of the spec text: identifies the exact spec a result came from. */
    public String specHash() {
        return org.gansweep.internal.Hashing.sha256Hex(text);
    }
}
