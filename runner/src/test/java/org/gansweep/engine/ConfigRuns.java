package org.gansweep.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.gansweep.internal.Hashing;
import org.gansweep.internal.Json;
import org.gansweep.plan.GroupKey;
import org.gansweep.plan.Parameter;
import org.gansweep.plan.ParameterSchema;
import org.gansweep.plan.PlannedRun;
import org.gansweep.plan.ResolvedConfig;
import org.gansweep.plan.RunKey;

/**
 * Test runs of any registered experiment, built from configs/<experiment>.json plus overrides without
 * going through a sweep spec; each value is normalized by the experiment's schema as the planner would.
 */
public final class ConfigRuns {
    private ConfigRuns() {
    }

    public static PlannedRun of(String experiment, long seed, Map<String, Object> overrides) {
        ParameterSchema schema = Experiments.all().get(experiment).schema();
        TreeMap<String, Object> values = new TreeMap<>(defaults(experiment, schema));
        for (Map.Entry<String, Object> e : overrides.entrySet()) {
            Parameter p = schema.parameter(e.getKey()).orElseThrow(() -> new IllegalArgumentException(e.getKey()));
            values.put(e.getKey(), p.normalize(e.getValue()).orElseThrow(() -> new IllegalArgumentException(e.toString())));
        }
        String id = Hashing.sha256Hex(experiment + values + "/" + seed).substring(0, 16);
        return new PlannedRun(new RunKey(id), new GroupKey(Hashing.sha256Hex(experiment + values).substring(0, 16)),
                experiment, new ResolvedConfig(values), seed);
    }

    private static Map<String, Object> defaults(String experiment, ParameterSchema schema) {
        Path file = locate("configs/" + experiment + ".json");
        try {
            JsonNode root = Json.mapper().readTree(file.toFile());
            Map<String, Object> values = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                Object raw = v.isBoolean() ? v.booleanValue() : v.isTextual() ? v.textValue()
                        : v.isIntegralNumber() ? (Object) v.longValue() : (Object) v.doubleValue();
                values.put(e.getKey(), schema.parameter(e.getKey()).orElseThrow().normalize(raw).orElseThrow());
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file of the repository, found from the working directory upwards (Maven runs tests in runner/). */
    public static Path locate(String relative) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve(relative);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
    }
}
