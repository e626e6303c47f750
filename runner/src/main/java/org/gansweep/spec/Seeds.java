package org.gansweep.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The seeds of a sweep: {"count": n, "start": s} or an explicit list of distinct non-negative integers. */
final class Seeds {
    private Seeds() {
    }

    static List<Long> of(JsonNode node, String file) {
        if (node.isArray()) {
            return list(node, file);
        }
        if (!node.isObject()) {
            throw new SpecException(file, "seeds", "expected {\"count\": n} or a list of integers, got " + SpecText.show(node));
        }
        node.fieldNames().forEachRemaining(key -> {
            if (!key.equals("count") && !key.equals("start")) {
                throw new SpecException(file, "seeds." + key, "unknown key; allowed: count, start");
            }
        });
        long count = integer(node.get("count"), "seeds.count", 1, SpecReader.MAX_SEEDS, file);
        long start = node.has("start") ? integer(node.get("start"), "seeds.start", 0, Long.MAX_VALUE / 2, file) : 0;
        List<Long> seeds = new ArrayList<>();
        for (long s = start; s < start + count; s++) {
            seeds.add(s);
        }
        return seeds;
    }

    private static List<Long> list(JsonNode node, String file) {
        if (node.isEmpty()) {
            throw new SpecException(file, "seeds", "expected at least one seed, got []");
        }
        List<Long> seeds = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            long seed = integer(node.get(i), "seeds[" + i + "]", 0, Long.MAX_VALUE, file);
            if (!seen.add(seed)) {
                throw new SpecException(file, "seeds[" + i + "]", "seed " + seed + " appears twice");
            }
            seeds.add(seed);
        }
        return seeds;
    }

    private static long integer(JsonNode node, String path, long min, long max, String file) {
        if (node == null) {
            throw new SpecException(file, path, "missing; expected an integer from " + min + " to " + max);
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < min || node.longValue() > max) {
            throw new SpecException(file, path, "expected an integer from " + min + " to " + max + ", got " + SpecText.show(node));
        }
        return node.longValue();
    }
}
