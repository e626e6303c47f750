package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.gansweep.engine.Trajectory;
import org.mlflow.api.proto.Service.Experiment;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Run;
import org.mlflow.api.proto.Service.RunStatus;
import org.mlflow.api.proto.Service.ViewType;
import org.mlflow.tracking.MlflowClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against a real MLflow server, through a counting proxy: a tracked sweep is a model-training experiment with
 * a description, a sweep run, group runs under it and seed runs under their group, short names, every run
 * FINISHED, four requests per seed run, group bands equal to the seeds' quantiles, and the groups table.
 */
class MlflowTreeTest {
    @TempDir
    Path dir;

    /** 4 groups (easing x weight_noise) x 3 seeds, 300 steps logged every 10: 31 rows per trajectory. */
    static String spec(Path dir, String name) throws IOException {
        String text = "{\"name\":\"" + name + "\",\"experiment\":\"point\",\"set\":{\"steps\":300,\"log_every\":10},"
                + "\"grid\":{\"weight_noise\":[0.0,1.5],\"easing\":[0.0,0.1]},\"seeds\":{\"count\":3}}";
        return Files.writeString(dir.resolve(name + ".json"), text).toString();
    }

    @Test
    void aTrackedSweepIsAModelTrainingTreeOfShortlyNamedFinishedRunsAtFourRequestsPerSeed() throws Exception {
        String uri = MlflowTestServer.uri();
        String sweep = "tree-" + Long.toHexString(System.nanoTime());
        String specFile = spec(dir, sweep);
        Path results = dir.resolve("results");
        MlflowClient client = new MlflowClient(uri);
        try (MlflowProxy proxy = new MlflowProxy(uri)) {
            Cli.Result run = Cli.main("run", specFile, "--results", results.toString(), "--tracking-uri", proxy.uri(),
                    "--plots", "none", "--kernel", "nd4j");
            assertEquals(0, run.code(), run.err());
            assertTrue(run.err().contains("MLflow: logged 12 runs and the group totals"), run.err());

            Experiment experiment = MlflowView.experiment(client, sweep);
            assertEquals("custom_model_development", MlflowView.tags(experiment).get("mlflow.experimentKind"));
            String note = MlflowView.tags(experiment).get("mlflow.note.content");
            assertTrue(note.contains("`point` experiment, 4 groups x 3 seeds = 12 runs"), note);
            assertTrue(note.contains("Command: `scripts/gansweep run " + specFile + "`"), note);

            List<Run> all = MlflowView.runs(client, sweep, ViewType.ALL);
            assertEquals(17, all.size(), "1 sweep + 4 groups + 12 seeds, none deleted");
            all.forEach(r -> assertEquals(RunStatus.FINISHED, r.getInfo().getStatus(), r.getInfo().getRunName()));
            List<Run> sweeps = MlflowView.ofKind(all, "sweep");
            assertEquals(1, sweeps.size());
            Run sweepRun = sweeps.get(0);
            assertEquals(sweep, sweepRun.getInfo().getRunName());
            assertFalse(MlflowView.tags(sweepRun).containsKey("mlflow.parentRunId"));

            Map<String, Run> groupsByKey = new HashMap<>();
            for (Run group : MlflowView.ofKind(all, "group")) {
                assertEquals(sweepRun.getInfo().getRunId(), MlflowView.tags(group).get("mlflow.parentRunId"));
                groupsByKey.put(MlflowView.tags(group).get("gansweep.group_key"), group);
            }
            assertEquals(Set.of("defaults", "wn=1.5", "easing=0.1", "easing=0.1 wn=1.5"), groupsByKey.values().stream()
                    .map(g -> g.getInfo().getRunName()).collect(Collectors.toSet()));

            List<Run> seeds = MlflowView.ofKind(all, "run");
            assertEquals(12, seeds.size());
            for (Run seed : seeds) {
                Run group = groupsByKey.get(MlflowView.tags(seed).get("gansweep.group_key"));
                assertEquals(group.getInfo().getRunId(), MlflowView.tags(seed).get("mlflow.parentRunId"));
                String seedParam = seed.getData().getParamsList().stream().filter(p -> p.getKey().equals("seed"))
                        .findFirst().orElseThrow().getValue();
                assertEquals(group.getInfo().getRunName() + " s" + seedParam, seed.getInfo().getRunName());
                assertTrue(seed.getData().getMetricsList().stream().noneMatch(m -> m.getKey().startsWith("final")));
                assertTrue(MlflowView.tags(seed).containsKey("final.w"));
                assertEquals(List.of("POST runs/create", "POST runs/log-batch", "PUT trajectory.csv", "POST runs/update"),
                        requestsFor(proxy.exchanges(), seed.getInfo().getRunId()), seed.getInfo().getRunName());
            }

            assertComparedWithTheDefaultsGroup(groupsByKey.values());
            assertBandsAreTheSeedsQuantiles(client, results.resolve(sweep), groupsByKey.values().stream()
                    .filter(g -> g.getInfo().getRunName().equals("wn=1.5")).findFirst().orElseThrow(), seeds);
            assertGroupsTable(uri, sweepRun);
        } finally {
            client.close();
        }
    }

    /**
     * The defaults group is the reference; every other group run carries its difference in success rate from
     * it (read back from MLflow: the group's own success_rate minus the reference's), inside its interval,
     * and a verdict tag.
     */
    private static void assertComparedWithTheDefaultsGroup(java.util.Collection<Run> groups) {
        Run reference = groups.stream().filter(g -> g.getInfo().getRunName().equals("defaults")).findFirst().orElseThrow();
        assertEquals("reference", MlflowView.tags(reference).get("vs_ref_verdict"));
        double referenceRate = metric(reference, "success_rate");
        for (Run group : groups) {
            if (group == reference) {
                continue;
            }
            String name = group.getInfo().getRunName();
            double difference = metric(group, "vs_ref_diff");
            assertEquals(metric(group, "success_rate") - referenceRate, difference, 1e-12, name);
            assertTrue(metric(group, "vs_ref_diff_lo") <= difference && difference <= metric(group, "vs_ref_diff_hi"), name);
            double p = metric(group, "vs_ref_p_holm");
            assertTrue(p >= metric(group, "vs_ref_p") && p <= 1, name);
            assertTrue(Set.of("better", "worse", "no evidence").contains(MlflowView.tags(group).get("vs_ref_verdict")),
                    name);
        }
    }

    private static double metric(Run run, String key) {
        return run.getData().getMetricsList().stream().filter(m -> m.getKey().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError(run.getInfo().getRunName() + " has no metric " + key)).getValue();
    }

    /**
     * The requests that concern one run, in order: its create (whose answer names it), then requests that
     * name it in their body or their artifact path. Searches name many runs and concern none.
     */
    static List<String> requestsFor(List<MlflowProxy.Exchange> exchanges, String runId) {
        List<String> requests = new ArrayList<>();
        for (MlflowProxy.Exchange e : exchanges) {
            String endpoint = e.path().replaceFirst("^/api/2.0/mlflow/", "");
            if (endpoint.endsWith("/search")) {
                continue;
            }
            if (endpoint.equals("runs/create") && e.responseBody().contains(runId)
                    || e.path().startsWith("/api/2.0/mlflow/runs/") && e.requestBody().contains(runId)) {
                requests.add(e.method() + " " + endpoint);
            } else if (e.path().contains("/" + runId + "/artifacts/")) {
                requests.add(e.method() + " " + e.path().substring(e.path().lastIndexOf('/') + 1));
            }
        }
        return requests;
    }

    private static void assertBandsAreTheSeedsQuantiles(MlflowClient client, Path sweepDir, Run group, List<Run> seeds)
            throws IOException {
        List<Trajectory> trajectories = new ArrayList<>();
        for (Run seed : seeds) {
            if (MlflowView.tags(seed).get("mlflow.parentRunId").equals(group.getInfo().getRunId())) {
                String key = MlflowView.tags(seed).get("gansweep.run_key");
                trajectories.add(MlflowView.trajectory(sweepDir.resolve("runs").resolve(key).resolve("trajectory.csv")));
            }
        }
        assertEquals(3, trajectories.size());
        for (String column : List.of("w", "b")) {
            int c = trajectories.get(0).column(column);
            Map<String, Map<Long, Double>> expected = new TreeMap<>();
            for (double[] row : trajectories.get(0).rows()) {
                long step = (long) row[0];
                double[] values = trajectories.stream().mapToDouble(t -> t.rows().get((int) (step / 10))[c]).toArray();
                Arrays.sort(values);
                // Three seeds: the median is the middle one; 25% and 75% lie halfway to its neighbours.
                expected.computeIfAbsent("median", k -> new TreeMap<>()).put(step, values[1]);
                expected.computeIfAbsent("p25", k -> new TreeMap<>()).put(step, values[0] + 0.5 * (values[1] - values[0]));
                expected.computeIfAbsent("p75", k -> new TreeMap<>()).put(step, values[1] + 0.5 * (values[2] - values[1]));
            }
            for (String band : List.of("median", "p25", "p75")) {
                Map<Long, Double> logged = new TreeMap<>();
                for (Metric m : client.getMetricHistory(group.getInfo().getRunId(), column + "/" + band)) {
                    assertEquals(null, logged.put(m.getStep(), m.getValue()), "one point per step");
                }
                assertEquals(31, logged.size());
                Map<Long, Double> want = expected.get(band);
                assertEquals(want.keySet(), logged.keySet());
                want.forEach((step, value) -> assertEquals(value, logged.get(step), 1e-12, column + "/" + band + " @" + step));
            }
        }
        Map<String, Double> totals = group.getData().getMetricsList().stream()
                .collect(Collectors.toMap(Metric::getKey, Metric::getValue));
        assertEquals(3.0, totals.get("n"));
    }

    private static void assertGroupsTable(String uri, Run sweepRun) throws Exception {
        assertEquals("[{\"path\":\"groups.json\",\"type\":\"table\"}]",
                MlflowView.tags(sweepRun).get("mlflow.loggedArtifacts"));
        JsonNode table = new ObjectMapper().readTree(MlflowView.download(uri, sweepRun.getInfo().getArtifactUri(),
                "groups.json"));
        List<String> columns = new ArrayList<>();
        table.get("columns").forEach(c -> columns.add(c.asText()));
        assertEquals(List.of("group", "easing", "weight_noise", "n", "successes", "success_rate", "ci_low", "ci_high",
                "median_steps_to_converge"), columns.subList(0, 9));
        assertEquals(4, table.get("data").size());
        Set<String> names = new java.util.HashSet<>();
        table.get("data").forEach(row -> {
            names.add(row.get(0).asText());
            assertEquals(3, row.get(3).asInt());
            assertEquals(columns.size(), row.size());
        });
        assertEquals(Set.of("defaults", "wn=1.5", "easing=0.1", "easing=0.1 wn=1.5"), names);
    }
}
