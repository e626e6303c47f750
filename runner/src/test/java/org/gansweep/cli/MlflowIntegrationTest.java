package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.gansweep.engine.Trajectory;
import org.gansweep.plan.RunKey;
import org.gansweep.record.ResultStore;
import org.gansweep.record.RunRecord;
import org.gansweep.report.ConfidenceInterval;
import org.gansweep.report.WilsonScoreInterval;
import org.gansweep.track.MlflowMirror;
import org.gansweep.track.SweepInfo;
import org.gansweep.track.TrackingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.Service.CreateRun;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Run;
import org.mlflow.api.proto.Service.RunStatus;
import org.mlflow.api.proto.Service.RunTag;
import org.mlflow.api.proto.Service.ViewType;
import org.mlflow.tracking.MlflowClient;

/**
 * Against a real MLflow server (scripts/mlflow-server; scripts/test starts one and sets GANSWEEP_TEST_MLFLOW_URI):
 * the run tree, params, trajectories, group runs and artifacts that {@code run --tracking-uri} logs, and
 * {@code sync} after the server was down for part of a sweep, twice, without duplicates.
 */
class MlflowIntegrationTest {
    /** A server nothing listens on: connections are refused at once. */
    private static final String DEAD = "http://127.0.0.1:1";

    private static String uri;
    private static MlflowClient client;

    @TempDir
    Path dir;

    /** Without a server each test is skipped (or fails, under CI); one client serves them all. */
    @BeforeEach
    void server() {
        uri = MlflowTestServer.uri();
        if (client == null) {
            client = new MlflowClient(uri);
        }
    }

    @AfterAll
    static void close() {
        if (client != null) {
            client.close();
        }
    }

    private record Result(int code, String out, String err) {
    }

    private static Result main(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A fresh sweep name per test, so that tests never see each other's experiments on a shared server. */
    private String spec(String name) throws IOException {
        String text = "{\"name\":\"" + name + "\",\"experiment\":\"point\",\"set\":{\"steps\":300,\"log_every\":10},"
                + "\"grid\":{\"easing\":[0.0,0.1]},\"seeds\":{\"count\":3}}";
        return Files.writeString(dir.resolve(name + ".json"), text).toString();
    }

    private static String unique(String prefix) {
        return prefix + "-" + Long.toHexString(System.nanoTime());
    }

    private List<Run> runs(String sweep) {
        String experiment = client.searchExperiments("name = '" + sweep + "'").getItems().get(0).getExperimentId();
        List<Run> runs = new ArrayList<>();
        client.searchRuns(List.of(experiment), "", ViewType.ACTIVE_ONLY, 1000).getItems().forEach(runs::add);
        return runs;
    }

    private static Map<String, String> tags(Run run) {
        return run.getData().getTagsList().stream().collect(Collectors.toMap(RunTag::getKey, RunTag::getValue));
    }

    private static List<Run> ofKind(List<Run> runs, String kind) {
        return runs.stream().filter(r -> kind.equals(tags(r).get("gansweep.kind"))).toList();
    }

    @Test
    void runLogsTheRunTreeParamsTrajectoriesGroupTotalsAndArtifacts() throws Exception {
        String sweep = unique("tree");
        Path results = dir.resolve("results");
        Result run = main("run", spec(sweep), "--results", results.toString(), "--tracking-uri", uri,
                "--tracking-points", "10", "--kernel", "nd4j");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.err().contains("MLflow: logged 6 runs and the group totals to " + uri), run.err());

        List<Run> all = runs(sweep);
        List<Run> parents = ofKind(all, "sweep");
        assertEquals(1, parents.size());
        String parentId = parents.get(0).getInfo().getRunId();
        List<Run> children = ofKind(all, "run");
        List<Run> groups = ofKind(all, "group");
        assertEquals(6, children.size());
        assertEquals(2, groups.size());
        assertEquals(9, all.size());
        Map<String, String> groupRunIds = new HashMap<>();
        groups.forEach(g -> groupRunIds.put(tags(g).get("gansweep.group_key"), g.getInfo().getRunId()));
        for (Run child : children) {
            assertEquals(groupRunIds.get(tags(child).get("gansweep.group_key")), tags(child).get("mlflow.parentRunId"));
            assertEquals(RunStatus.FINISHED, child.getInfo().getStatus());
        }
        groups.forEach(g -> assertEquals(parentId, tags(g).get("mlflow.parentRunId")));

        ResultStore store = ResultStore.existing(results.resolve(sweep));
        List<RunRecord> records = store.readRuns(store.completeKeys());
        assertEquals(6, records.size());
        Map<String, Run> byKey = new HashMap<>();
        children.forEach(c -> byKey.put(tags(c).get("gansweep.run_key"), c));
        for (RunRecord record : records) {
            Run logged = byKey.get(record.key().value());
            Map<String, String> params = new TreeMap<>();
            logged.getData().getParamsList().forEach(p -> params.put(p.getKey(), p.getValue()));
            Map<String, String> expected = new TreeMap<>();
            record.config().values().forEach((k, v) -> expected.put(k, String.valueOf(v)));
            expected.put("seed", Long.toString(record.seed()));
            expected.put("experiment", "point");
            assertEquals(expected, params);
            assertEquals(record.outcome().label(), tags(logged).get("gansweep.outcome"));
        }

        // The trajectory read back: 31 rows at most 10 points -> rows 0, 4, ..., 28 and the last, 30.
        RunRecord first = records.get(0);
        String firstId = byKey.get(first.key().value()).getInfo().getRunId();
        Trajectory trajectory = store.readTrajectory(first.key());
        int w = trajectory.column("w");
        List<Metric> history = new ArrayList<>(client.getMetricHistory(firstId, "w"));
        history.sort((a, b) -> Long.compare(a.getStep(), b.getStep()));
        List<Long> steps = history.stream().map(Metric::getStep).toList();
        assertEquals(List.of(0L, 40L, 80L, 120L, 160L, 200L, 240L, 280L, 300L), steps);
        for (Metric point : history) {
            double[] row = trajectory.rows().get((int) (point.getStep() / 10));
            assertEquals(row[0], point.getStep());
            assertEquals(row[w], point.getValue(), 0.0, "w at step " + point.getStep());
        }

        // Group totals: success rate and the Wilson interval of each group, from the stored runs.
        Map<String, List<RunRecord>> byGroup = records.stream().collect(Collectors.groupingBy(r -> r.group().value()));
        for (Run group : groups) {
            List<RunRecord> members = byGroup.get(tags(group).get("gansweep.group_key"));
            int ok = (int) members.stream().filter(RunRecord::success).count();
            ConfidenceInterval ci = WilsonScoreInterval.of(members.size(), ok, 0.95);
            Map<String, Double> metrics = new HashMap<>();
            group.getData().getMetricsList().forEach(m -> metrics.put(m.getKey(), m.getValue()));
            assertEquals(3.0, metrics.get("n"));
            assertEquals(ok, metrics.get("successes"));
            assertEquals(ok / 3.0, metrics.get("success_rate"), 1e-15);
            assertEquals(ci.lowerBound(), metrics.get("ci_low"), 1e-15);
            assertEquals(ci.upperBound(), metrics.get("ci_high"), 1e-15);
        }
        Map<String, Double> totals = new HashMap<>();
        parents.get(0).getData().getMetricsList().forEach(m -> totals.put(m.getKey(), m.getValue()));
        assertEquals(6.0, totals.get("runs_complete"));

        // An artifact, downloaded from the server, is the stored file byte for byte.
        String artifactUri = byKey.get(first.key().value()).getInfo().getArtifactUri();
        String path = artifactUri.substring("mlflow-artifacts:".length()).replaceAll("^/+", "");
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(uri + "/api/2.0/mlflow-artifacts/artifacts/" + path + "/trajectory.csv")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode());
        assertArrayEquals(Files.readAllBytes(store.runDirectory(first.key()).resolve("trajectory.csv")),
                download.body());

        // Pictures drawn after training follow: the sweep charts and report.html on the sweep run, each drawn
        // run's trajectory plot and animation on its run.
        assertArrayEquals(Files.readAllBytes(results.resolve(sweep).resolve("plots/success-rate.png")),
                download(parents.get(0).getInfo().getArtifactUri(), "plots/success-rate.png"));
        assertArrayEquals(Files.readAllBytes(results.resolve(sweep).resolve("report.html")),
                download(parents.get(0).getInfo().getArtifactUri(), "report.html"));
        int withPictures = 0;
        for (RunRecord record : records) {
            Path gif = store.runDirectory(record.key()).resolve("animation.gif");
            if (Files.exists(gif)) {
                withPictures++;
                assertArrayEquals(Files.readAllBytes(gif),
                        download(byKey.get(record.key().value()).getInfo().getArtifactUri(), "animation.gif"));
            }
        }
        assertTrue(withPictures >= 4, withPictures + " runs with pictures"); // 2 a group as a sample, at least
    }

    private byte[] download(String artifactUri, String name) throws Exception {
        String path = artifactUri.substring("mlflow-artifacts:".length()).replaceAll("^/+", "");
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(uri + "/api/2.0/mlflow-artifacts/artifacts/" + path + "/" + name)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), name);
        return response.body();
    }

    @Test
    void syncAfterTheServerWasDownForPartOfASweepLogsWhatIsMissingOnceAndTwiceChangesNothing() throws Exception {
        String sweep = unique("sync");
        String specFile = spec(sweep);
        Path results = dir.resolve("results");
        Result up = main("run", specFile, "--results", results.toString(), "--shard", "0/2", "--tracking-uri", uri,
                "--kernel", "nd4j");
        assertEquals(0, up.code(), up.err());
        assertTrue(up.err().contains("MLflow: logged 3 runs"), up.err());
        Result down = main("run", specFile, "--results", results.toString(), "--shard", "1/2", "--tracking-uri", DEAD,
                "--kernel", "nd4j");
        assertEquals(0, down.code(), down.err());
        assertTrue(down.err().contains("MLflow: logged 0 of 3 runs; 3 not logged: MLflow at " + DEAD), down.err());
        assertTrue(down.err().contains("scripts/gansweep sync " + results.resolve(sweep)), down.err());
        ResultStore store = ResultStore.existing(results.resolve(sweep));
        assertEquals(6, store.completeKeys().size(), "a dead server costs no results");

        // A process killed while logging left a run unfinished: sync replaces it.
        RunKey cut = store.completeKeys().stream().filter(k -> !ofKind(runs(sweep), "run").stream()
                .map(r -> tags(r).get("gansweep.run_key")).toList().contains(k.value())).findFirst().orElseThrow();
        String experiment = runs(sweep).get(0).getInfo().getExperimentId();
        String orphan = client.createRun(CreateRun.newBuilder().setExperimentId(experiment)
                .addTags(RunTag.newBuilder().setKey("gansweep.kind").setValue("run"))
                .addTags(RunTag.newBuilder().setKey("gansweep.run_key").setValue(cut.value())).build()).getRunId();

        Result sync = main("sync", results.resolve(sweep).toString(), "--tracking-uri", uri);
        assertEquals(0, sync.code(), sync.err());
        assertTrue(sync.out().contains(": 3 runs logged now, 3 were there, 2 groups"), sync.out());
        assertLoggedOnce(sweep, store);
        assertEquals("deleted", client.getRun(orphan).getInfo().getLifecycleStage());
        // The report the second shard drew (with all six runs) replaced the first shard's on the sweep run.
        assertArrayEquals(Files.readAllBytes(results.resolve(sweep).resolve("report.html")),
                download(ofKind(runs(sweep), "sweep").get(0).getInfo().getArtifactUri(), "report.html"));

        Result again = main("sync", results.resolve(sweep).toString(), "--tracking-uri", uri);
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains(": 0 runs logged now, 6 were there, 2 groups"), again.out());
        assertLoggedOnce(sweep, store);
    }

    @Test
    void syncSkipsARunWhoseTrajectoryIsDamagedAndSaysWhich() throws Exception {
        String sweep = unique("damaged");
        Path results = dir.resolve("results");
        Result down = main("run", spec(sweep), "--results", results.toString(), "--tracking-uri", DEAD,
                "--tracking-wait", "0");
        assertEquals(0, down.code(), down.err());
        ResultStore store = ResultStore.existing(results.resolve(sweep));
        RunKey victim = store.completeKeys().iterator().next();
        Path trajectory = store.runDirectory(victim).resolve("trajectory.csv");
        String[] lines = Files.readString(trajectory).split("\n");
        lines[1] = "oops" + lines[1].substring(lines[1].indexOf(','));
        Files.writeString(trajectory, String.join("\n", lines) + "\n");

        Result sync = main("sync", results.resolve(sweep).toString(), "--tracking-uri", uri);
        assertEquals(0, sync.code(), sync.err());
        assertTrue(sync.err().contains("sync: skipped run " + victim.value() + ": " + trajectory + ": damaged (line 2"),
                sync.err());
        assertTrue(sync.err().contains("6 complete runs, 0 already in MLflow, 5 to log, 1 skipped"), sync.err());
        assertTrue(sync.out().contains(": 5 runs logged now, 0 were there, 2 groups"), sync.out());
    }

    @Test
    void shardsConnectingAtOnceShareOneExperimentAndOneSweepRun() throws Exception {
        String sweep = unique("race");
        Path results = dir.resolve("results");
        assertEquals(0, main("plan", spec(sweep)).code());
        ResultStore store = ResultStore.open(results, sweep);
        SweepInfo info = new SweepInfo(sweep, "hash", "point", "", List.of("easing"), Map.of("easing", 0.0),
                List.of("w", "b"), new TreeMap<>(Map.of("g0", 3, "g1", 3)), "cpu", "float", "0/4",
                "scripts/gansweep run race.json --shard 0/4");
        TrackingServer server = TrackingServer.of(uri, "test", Map.of());
        java.util.concurrent.ExecutorService shards = java.util.concurrent.Executors.newFixedThreadPool(4);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<String>> parents = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            parents.add(shards.submit(() -> {
                go.await();
                return MlflowMirror.connect(server, store, info, 10).sweepRunId();
            }));
        }
        go.countDown();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (java.util.concurrent.Future<String> parent : parents) {
            ids.add(parent.get());
        }
        shards.shutdown();
        assertEquals(1, client.searchExperiments("name = '" + sweep + "'").getItems().size());
        List<Run> sweepRuns = ofKind(runs(sweep), "sweep");
        assertEquals(1, sweepRuns.size());
        assertEquals(java.util.Set.of(sweepRuns.get(0).getInfo().getRunId()), ids);
    }

    private void assertLoggedOnce(String sweep, ResultStore store) {
        List<Run> all = runs(sweep);
        List<String> keys = ofKind(all, "run").stream().map(r -> tags(r).get("gansweep.run_key")).sorted().toList();
        assertEquals(store.completeKeys().stream().map(RunKey::value).sorted().toList(), keys);
        all.forEach(r -> assertEquals(RunStatus.FINISHED, r.getInfo().getStatus(), tags(r).toString()));
        assertEquals(1, ofKind(all, "sweep").size());
        assertEquals(2, ofKind(all, "group").size());
    }
}
