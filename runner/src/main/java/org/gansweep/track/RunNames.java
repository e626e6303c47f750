package org.gansweep.track;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Short run names for MLflow's run list, which cuts names at about 30 characters: only the varying keys whose
 * value differs from the experiment's default, each key cut to its initials ({@code weight_noise=1.5
 * noise_samples=4} becomes {@code wn=1.5 ns=4}), and {@code s7} for seed 7. A group at the defaults is
 * {@code defaults}. Names stay distinct: two groups differ in some key, and at least one of them shows it. Full
 * values are the runs' params.
 */
final class RunNames {
    static final String AT_DEFAULTS = "defaults";

    private final List<String> keys;
    private final Map<String, Object> defaults;
    private final Map<String, String> shortKeys = new HashMap<>();

    /** {@code defaults}: the experiment's default value of each key (a key without one is always shown). */
    RunNames(List<String> varyingKeys, Map<String, Object> defaults) {
        this.keys = List.copyOf(varyingKeys);
        this.defaults = Map.copyOf(defaults);
        Map<String, List<String>> byShort = new LinkedHashMap<>();
        for (String key : keys) {
            byShort.computeIfAbsent(initials(key), k -> new ArrayList<>()).add(key);
        }
        // Keys whose initials collide keep their full names; the others are shortened.
        byShort.forEach((initials, full) -> full.forEach(key -> shortKeys.put(key, full.size() == 1 ? initials : key)));
    }

    /** "`ns` = noise_samples, `wn` = weight_noise": the shortened keys, for the experiment's description. */
    String legend() {
        List<String> entries = new ArrayList<>();
        for (String key : keys) {
            if (!shortKeys.get(key).equals(key)) {
                entries.add("`" + shortKeys.get(key) + "` = " + key);
            }
        }
        return String.join(", ", entries);
    }

    /** "wn=1.5 ns=4", or {@link #AT_DEFAULTS}. */
    String group(Map<String, Object> values) {
        List<String> parts = new ArrayList<>();
        for (String key : keys) {
            if (values.containsKey(key) && !same(values.get(key), defaults.get(key))) {
                parts.add(shortKeys.get(key) + "=" + values.get(key));
            }
        }
        return parts.isEmpty() ? AT_DEFAULTS : String.join(" ", parts);
    }

    /** "wn=1.5 ns=4 s7". */
    String seed(Map<String, Object> values, long seed) {
        return group(values) + " s" + seed;
    }

    /**
     * "wn" for weight_noise, "r1g" for r1_gamma (digits stay), "dwd" for d_weight_decay; a one-word key stays
     * whole ("easing", "lr"), so no key can read like the seed's "s".
     */
    static String initials(String key) {
        String[] words = key.split("_");
        if (words.length == 1) {
            return key;
        }
        StringBuilder out = new StringBuilder();
        for (String word : words) {
            if (!word.isEmpty()) {
                out.append(word.charAt(0));
                word.chars().skip(1).filter(Character::isDigit).forEach(c -> out.append((char) c));
            }
        }
        return out.toString();
    }

    private static boolean same(Object value, Object reference) {
        if (value instanceof Number a && reference instanceof Number b) {
            return Double.compare(a.doubleValue(), b.doubleValue()) == 0;
        }
        return Objects.equals(value, reference);
    }
}
