package org.gansweep.record;

import static org.gansweep.record.StoredKeys.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.gansweep.engine.Outcome;
import org.gansweep.engine.RunResult;
import org.gansweep.internal.Json;
import org.gansweep.plan.GroupKey;
import org.gansweep.plan.PlannedRun;
import org.gansweep.plan.ResolvedConfig;
import org.gansweep.plan.RunKey;

/**
 * config.json and summary.json of one run, to and from JSON trees. Non-finite final metrics are stored as
 * the strings "NaN", "Infinity", "-Infinity" (Jackson's default), since JSON has no such numbers.
 */
final class RunFiles {
    private RunFiles() {
    }

    static ObjectNode config(PlannedRun run, Provenance provenance) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put(FORMAT, CONFIG_FORMAT);
        root.put(RUN_KEY, run.key().value());
        root.put(GROUP_KEY, run.group().value());
        root.put(EXPERIMENT, run.experiment());
        root.put(SEED, run.seed());
        root.set(CONFIG, Json.mapper().valueToTree(run.config().values()));
        ObjectNode code = root.putObject(PROVENANCE);
        code.put("gansweep_version", provenance.gansweepVersion());
        code.put("git_commit", provenance.gitCommit());
        code.put("java", provenance.java());
        code.put("os", provenance.os());
        code.put("arch", provenance.arch());
        return root;
    }

    static ObjectNode summary(RunResult result, Provenance provenance) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put(FORMAT, SUMMARY_FORMAT);
        root.put(RUN_KEY, result.run().key().value());
        root.put(OUTCOME, result.outcome().label());
        root.put(SUCCESS, result.success());
        root.put(STEPS, result.steps());
        putOptional(root, STEPS_TO_CONVERGE, result.stepsToConverge());
        putOptional(root, DIVERGED_AT_STEP, result.divergedAtStep());
        ObjectNode finals = root.putObject(FINAL);
        result.finalMetrics().forEach(finals::put);
        root.put(BACKEND, provenance.backend());
        root.put(DTYPE, provenance.dtype());
        root.put(DEVICE, provenance.device());
        ObjectNode timing = root.putObject(TIMING);
        timing.put(BATCH_WALL_SECONDS, provenance.batchWallSeconds());
        timing.put(RUNS_IN_BATCH, provenance.runsInBatch());
        double wall = provenance.batchWallSeconds();
        timing.put(RUN_STEPS_PER_SECOND, wall > 0 ? provenance.runsInBatch() * (double) result.steps() / wall : 0);
        return root;
    }

    private static void putOptional(ObjectNode root, String key, OptionalLong value) {
        if (value.isPresent()) {
            root.put(key, value.getAsLong());
        } else {
            root.putNull(key);
        }
    }

    static RunRecord record(JsonNode config, JsonNode summary) {
        TreeMap<String, Object> values = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = config.get(CONFIG).fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            values.put(e.getKey(), v.isIntegralNumber() ? (Object) v.longValue() : v.isNumber() ? (Object) v.doubleValue()
                    : v.isBoolean() ? (Object) v.booleanValue() : v.asText());
        }
        Map<String, Double> finals = new TreeMap<>();
        summary.get(FINAL).fields().forEachRemaining(e -> finals.put(e.getKey(), e.getValue().asDouble()));
        JsonNode code = config.get(PROVENANCE);
        JsonNode timing = summary.get(TIMING);
        Provenance provenance = new Provenance(code.path("gansweep_version").asText(),
                code.path("git_commit").asText(), summary.path(BACKEND).asText(), summary.path(DTYPE).asText(),
                summary.path(DEVICE).asText(), code.path("java").asText(), code.path("os").asText(),
                code.path("arch").asText(), timing.path(BATCH_WALL_SECONDS).asDouble(),
                timing.path(RUNS_IN_BATCH).asInt());
        return new RunRecord(new RunKey(config.get(RUN_KEY).asText()), new GroupKey(config.get(GROUP_KEY).asText()),
                config.get(EXPERIMENT).asText(), new ResolvedConfig(values), config.get(SEED).asLong(),
                Outcome.valueOf(summary.get(OUTCOME).asText().toUpperCase(java.util.Locale.ROOT)),
                optional(summary.get(STEPS_TO_CONVERGE)), summary.get(STEPS).asLong(),
                optional(summary.get(DIVERGED_AT_STEP)), finals, provenance);
    }

    private static OptionalLong optional(JsonNode node) {
        return node == null || node.isNull() ? OptionalLong.empty() : OptionalLong.of(node.asLong());
    }
}
