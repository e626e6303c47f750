package org.gansweep.track;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The MLflow calls gansweep makes, each exactly one HTTP request (plus its retries): experiments, runs,
 * log-batch, status, search, and artifact uploads through the server's artifact proxy. Thread-safe.
 */
final class MlflowApi {
    private static final String ARTIFACT_SCHEME = "mlflow-artifacts:";
    private static final int SEARCH_PAGE = 1000;

    /** A run just created. {@code maybeDuplicated}: a retried create may have left a second copy. */
    record Created(String id, String artifactUri, boolean maybeDuplicated) {
    }

    /** A run as a search finds it: what gansweep needs to know whether and where it is logged. */
    record Found(String id, String status, long startTime, String artifactUri, Map<String, String> tags,
                 Set<String> metricKeys) {
        Found {
            tags = Map.copyOf(tags);
            metricKeys = Set.copyOf(metricKeys);
        }

        String tag(String name) {
            return tags.getOrDefault(name, "");
        }

        boolean finished() {
            return "FINISHED".equals(status);
        }
    }

    private final MlflowHttp http;
    private final TrackingServer server;

    MlflowApi(TrackingServer server) {
        this.server = server;
        this.http = new MlflowHttp(server);
    }

    /** An experiment as a search finds it. */
    record Experiment(String id, Map<String, String> tags) {
        Experiment {
            tags = Map.copyOf(tags);
        }
    }

    Optional<Experiment> experiment(String name) {
        ObjectNode body = http.object().put("filter", "name = '" + name.replace("'", "\\'") + "'").put("max_results", 1);
        JsonNode found = http.post("experiments/search", body, "finding experiment " + name).body().path("experiments");
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> tags = new HashMap<>();
        found.get(0).path("tags").forEach(t -> tags.put(t.path("key").asText(), t.path("value").asText()));
        return Optional.of(new Experiment(found.get(0).path("experiment_id").asText(), tags));
    }

    String createExperiment(String name, List<KeyValue> tags) {
        ObjectNode body = http.object().put("name", name);
        pairs(body.putArray("tags"), tags);
        return http.post("experiments/create", body, "creating experiment " + name).body().path("experiment_id").asText();
    }

    void setExperimentTag(String experimentId, KeyValue tag) {
        http.post("experiments/set-experiment-tag", http.object().put("experiment_id", experimentId)
                .put("key", tag.key()).put("value", tag.value()), "tagging experiment " + experimentId);
    }

    Created createRun(String experimentId, String name, long startTime, List<KeyValue> tags) {
        ObjectNode body = http.object().put("experiment_id", experimentId).put("run_name", name)
                .put("start_time", startTime);
        pairs(body.putArray("tags"), tags);
        MlflowHttp.Reply reply = http.post("runs/create", body, "creating run " + name);
        JsonNode info = reply.body().path("run").path("info");
        return new Created(info.path("run_id").asText(), info.path("artifact_uri").asText(), reply.maybeRepeated());
    }

    void logBatch(String runId, LogBatches.Batch batch, String what) {
        ObjectNode body = http.object().put("run_id", runId);
        ArrayNode metrics = body.putArray("metrics");
        for (MetricPoint m : batch.metrics()) {
            metrics.addObject().put("key", m.key()).put("value", m.value()).put("timestamp", m.timestamp())
                    .put("step", m.step());
        }
        pairs(body.putArray("params"), batch.params());
        pairs(body.putArray("tags"), batch.tags());
        http.post("runs/log-batch", body, what);
    }

    /**
     * Ends a run as FINISHED, which is also gansweep's mark that everything of it is logged, and names it
     * {@code name} (a run logged by an earlier version gets the current name); "" keeps the name.
     */
    void finish(String runId, String name, long endTime) {
        ObjectNode body = http.object().put("run_id", runId).put("status", "FINISHED").put("end_time", endTime);
        if (!name.isEmpty()) {
            body.put("run_name", name);
        }
        http.post("runs/update", body, "finishing run " + (name.isEmpty() ? runId : name));
    }

    void deleteRun(String runId) {
        http.post("runs/delete", http.object().put("run_id", runId), "deleting run " + runId);
    }

    /** Every active run of the experiment matching {@code filter} ("" for all), page after page. */
    List<Found> searchRuns(String experimentId, String filter) {
        List<Found> runs = new ArrayList<>();
        String token = "";
        do {
            ObjectNode body = http.object().put("filter", filter).put("max_results", SEARCH_PAGE)
                    .put("run_view_type", "ACTIVE_ONLY");
            body.putArray("experiment_ids").add(experimentId);
            if (!token.isEmpty()) {
                body.put("page_token", token);
            }
            JsonNode page = http.post("runs/search", body, "listing runs").body();
            page.path("runs").forEach(run -> runs.add(found(run)));
            token = page.path("next_page_token").asText("");
        } while (!token.isEmpty());
        return runs;
    }

    private static Found found(JsonNode run) {
        JsonNode info = run.path("info");
        Map<String, String> tags = new HashMap<>();
        run.path("data").path("tags").forEach(t -> tags.put(t.path("key").asText(), t.path("value").asText()));
        Set<String> metrics = new HashSet<>();
        run.path("data").path("metrics").forEach(m -> metrics.add(m.path("key").asText()));
        return new Found(info.path("run_id").asText(), info.path("status").asText(), info.path("start_time").asLong(),
                info.path("artifact_uri").asText(), tags, metrics);
    }

    /** True when a run with this artifact URI can be uploaded to through the server (its default). */
    static boolean uploadable(String artifactUri) {
        return artifactUri.startsWith(ARTIFACT_SCHEME);
    }

    /** Uploads {@code content} as {@code name}, a path under the run's artifact root. */
    void upload(String artifactUri, String name, HttpRequest.BodyPublisher content) {
        http.put(artifactUrl(artifactUri, name), content, "uploading " + name);
    }

    /** Where an artifact is read and written: {@code /api/2.0/mlflow-artifacts/artifacts/<root>/<name>}. */
    URI artifactUrl(String artifactUri, String name) {
        if (!uploadable(artifactUri)) {
            throw new IllegalArgumentException("not an mlflow-artifacts: URI: " + artifactUri);
        }
        String root = artifactUri.substring(ARTIFACT_SCHEME.length()).replaceAll("^/+", "");
        String path = Arrays.stream((root + "/" + name).split("/")).filter(s -> !s.isEmpty())
                .map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/"));
        return server.endpoint("/api/2.0/mlflow-artifacts/artifacts/" + path);
    }

    private static void pairs(ArrayNode array, List<KeyValue> pairs) {
        for (KeyValue pair : pairs) {
            array.addObject().put("key", pair.key()).put("value", pair.value());
        }
    }
}
