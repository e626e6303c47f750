package org.gansweep.engine.point;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gansweep.engine.RunResult;
import org.gansweep.internal.Hashing;
import org.gansweep.internal.Json;
import org.gansweep.plan.GroupKey;
import org.gansweep.plan.Parameter;
import org.gansweep.plan.PlannedRun;
import org.gansweep.plan.ResolvedConfig;
import org.gansweep.plan.RunKey;

/** Test runs built from configs/point.json plus overrides, without going through a sweep spec. */
final class PointRuns {
    private PointRuns() {
    }

    static PlannedRun of(long seed, Map<String, Object> overrides) {
        TreeMap<String, Object> values = new TreeMap<>(defaults());
        for (Map.Entry<String, Object> e : overrides.entrySet()) {
            Parameter p = PointSchema.SCHEMA.parameter(e.getKey()).orElseThrow();
            values.put(e.getKey(), p.normalize(e.getValue()).orElseThrow(() -> new IllegalArgumentException(e.toString())));
        }
        String id = Hashing.sha256Hex(values + "/" + seed).substring(0, 16);
        return new PlannedRun(new RunKey(id), new GroupKey(Hashing.sha256Hex(values.toString()).substring(0, 16)),
                "point", new ResolvedConfig(values), seed);
    }

    /** The largest difference in w, b or a D parameter (trajectory columns 1-9) between two kernels' runs. */
    static double largestParameterDifference(List<RunResult> a, List<RunResult> b) {
        double worst = 0;
        for (int r = 0; r < a.size(); r++) {
            for (int i = 0; i < a.get(r).trajectory().size(); i++) {
                double[] x = a.get(r).trajectory().row(i);
                double[] y = b.get(r).trajectory().row(i);
                for (int c = 1; c <= 9; c++) {
                    worst = Math.max(worst, Math.abs(x[c] - y[c]));
                }
            }
        }
        return worst;
    }

    static Map<String, Object> defaults() {
        Path file = locate();
        try {
            JsonNode root = Json.mapper().readTree(file.toFile());
            Map<String, Object> values = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                Object raw = v.isBoolean() ? v.booleanValue() : v.isTextual() ? v.textValue()
                        : v.isIntegralNumber() ? (Object) v.longValue() : (Object) v.doubleValue();
                Parameter p = PointSchema.SCHEMA.parameter(e.getKey()).orElseThrow();
                values.put(e.getKey(), p.normalize(raw).orElseThrow());
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path locate() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("configs/point.json");
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("configs/point.json not found above " + Path.of("").toAbsolutePath());
    }
}
