package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.Run;
import org.mlflow.api.proto.Service.RunStatus;
import org.mlflow.api.proto.Service.RunTag;
import org.mlflow.api.proto.Service.ViewType;
import org.mlflow.tracking.MlflowClient;

/**
 * kill -9 of {@code gansweep sync} at random moments while it logs, against a real MLflow server, relaunching
 * after every kill: at the end MLflow holds every run exactly once, finished, with the params and metric
 * histories of the same sweep synced without interruption, and every group run and the sweep run once,
 * finished too. Kills fall at random
 * after the launch logged its first run, within the time the uninterrupted sync took for a few runs; at least
 * two must cut the sync short.
 */
class SyncKillTest {
    private static final int RUNS = 16;
    private static final int MIN_CUTS = 2;
    private static final int MAX_LAUNCHES = 10;
    /** Each kill falls within the time the uninterrupted sync took for this many runs. */
    private static final int AIM_RUNS = 3;

    @TempDir
    Path dir;

    private String uri;
    private MlflowClient client;

    @BeforeEach
    void server() {
        uri = MlflowTestServer.uri();
        client = new MlflowClient(uri);
    }

    @AfterEach
    void close() {
        // Null when there is no server: the test was skipped before a client was made.
        if (client != null) {
            client.close();
        }
    }

    @Test
    void aSyncKilledAtRandomMomentsAndRelaunchedLogsEveryRunOnceLikeAnUninterruptedOne() throws Exception {
        String stamp = Long.toHexString(System.nanoTime());
        Path reference = trained("sync-whole-" + stamp);
        Path killed = trained("sync-killed-" + stamp);

        long start = System.nanoTime();
        ChildRun whole = ChildRun.start(dir.resolve("logs/reference.log"), sync(reference));
        awaitMore(whole, reference, 0);
        long firstRun = System.nanoTime() - start;
        assertEquals(0, whole.await(), whole.output());
        long end = System.nanoTime() - start;

        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<String> journal = new ArrayList<>(List.of("seed " + seed + ", first run logged at " + firstRun / 1_000_000
                + " ms, end at " + end / 1_000_000 + " ms"));
        int cuts = 0;
        for (int launch = 0; launch < MAX_LAUNCHES && cuts < MIN_CUTS && finished(killed) < RUNS; launch++) {
            int before = finished(killed);
            ChildRun child = ChildRun.start(dir.resolve("logs/launch-" + launch + ".log"), sync(killed));
            awaitMore(child, killed, before);
            Kills.pause((long) (random.nextDouble() * (end - firstRun) * AIM_RUNS / RUNS));
            int code = child.kill();
            assertTrue(code == 0 || code == 137, "exit " + code + ": " + child.output());
            int after = finished(killed);
            boolean cut = code == 137 && after < RUNS;
            journal.add("launch " + launch + ": " + before + " -> " + after + " runs finished, "
                    + (code == 0 ? "finished first" : cut ? "cut while logging" : "killed after the last run"));
            cuts += cut ? 1 : 0;
        }
        String story = String.join("\n", journal);
        assertTrue(cuts >= MIN_CUTS, "fewer than " + MIN_CUTS + " kills cut the sync short:\n" + story);

        long resumed = System.nanoTime();
        ChildRun last = ChildRun.start(dir.resolve("logs/final.log"), sync(killed));
        assertEquals(0, last.await(), last.output());
        journal.add("the last sync took " + (System.nanoTime() - resumed) / 1_000_000 + " ms");
        story = String.join("\n", journal);
        System.out.println("SyncKillTest: " + story);
        Map<String, Run> want = onePerKey(runs(reference, "run"), "gansweep.run_key");
        Map<String, Run> got = onePerKey(runs(killed, "run"), "gansweep.run_key");
        assertEquals(RUNS, want.size());
        assertEquals(want.keySet(), got.keySet());
        for (Map.Entry<String, Run> e : got.entrySet()) {
            Run run = e.getValue();
            assertEquals(RunStatus.FINISHED, run.getInfo().getStatus(), "run " + e.getKey() + "\n" + story);
            Run expected = want.get(e.getKey());
            assertEquals(params(expected), params(run), "params of run " + e.getKey());
            assertEquals(histories(expected), histories(run), "metric histories of run " + e.getKey());
        }
        Map<String, Run> groups = onePerKey(runs(killed, "group"), "gansweep.group_key");
        assertEquals(onePerKey(runs(reference, "group"), "gansweep.group_key").keySet(), groups.keySet());
        groups.forEach((key, group) -> assertEquals(RunStatus.FINISHED, group.getInfo().getStatus(), "group " + key));
        List<Run> sweeps = runs(killed, "sweep");
        assertEquals(1, sweeps.size(), "one sweep run");
        assertEquals(RunStatus.FINISHED, sweeps.get(0).getInfo().getStatus(), "the sweep run");
    }

    /** A sweep trained in this JVM; its folder. */
    private Path trained(String name) throws Exception {
        String spec = "{\"name\": \"" + name + "\", \"experiment\": \"point\", \"set\": {\"steps\": 200, \"log_every\": 10},"
                + " \"grid\": {\"easing\": [0.0, 0.1]}, \"seeds\": {\"count\": 8}}";
        Path results = dir.resolve("results");
        Cli.Result run = Cli.main("run", Files.writeString(dir.resolve(name + ".json"), spec).toString(), "--results",
                results.toString(), "--kernel", "nd4j", "--plots", "none");
        assertEquals(0, run.code(), run.err());
        return results.resolve(name);
    }

    private String[] sync(Path sweep) {
        return new String[] {"sync", sweep.toString(), "--tracking-uri", uri};
    }

    /** Waits (polling the server every 20 ms) until more than {@code count} runs are finished, or the child exits. */
    private void awaitMore(ChildRun child, Path sweep, int count) throws InterruptedException {
        while (child.process().isAlive() && finished(sweep) <= count) {
            Kills.pause(20_000_000);
        }
    }

    /** Runs of the sweep that MLflow shows as finished; 0 while its experiment does not exist yet. */
    private int finished(Path sweep) {
        try {
            return (int) runs(sweep, "run").stream().filter(r -> r.getInfo().getStatus() == RunStatus.FINISHED).count();
        } catch (IndexOutOfBoundsException e) {
            return 0;
        }
    }

    /** The active runs of one gansweep kind in the sweep's experiment (named after the sweep folder). */
    private List<Run> runs(Path sweep, String kind) {
        String experiment = client.searchExperiments("name = '" + sweep.getFileName() + "'").getItems().get(0)
                .getExperimentId();
        List<Run> runs = new ArrayList<>();
        client.searchRuns(List.of(experiment), "tags.`gansweep.kind` = '" + kind + "'", ViewType.ACTIVE_ONLY, 1000)
                .getItems().forEach(runs::add);
        return runs;
    }

    /** The runs by a tag's value; fails on a value held by two runs (a duplicate). */
    private static Map<String, Run> onePerKey(List<Run> runs, String tag) {
        Map<String, List<Run>> byKey = runs.stream().collect(Collectors.groupingBy(r -> tags(r).get(tag), TreeMap::new,
                Collectors.toList()));
        byKey.forEach((key, same) -> assertEquals(1, same.size(), "runs tagged " + tag + "=" + key));
        return byKey.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get(0)));
    }

    private static Map<String, String> tags(Run run) {
        return run.getData().getTagsList().stream().collect(Collectors.toMap(RunTag::getKey, RunTag::getValue));
    }

    private static Map<String, String> params(Run run) {
        return run.getData().getParamsList().stream().collect(Collectors.toMap(Param::getKey, Param::getValue,
                (a, b) -> a, TreeMap::new));
    }

    /** Every metric's history as (step, value) pairs; timestamps differ between the two syncs and are left out. */
    private Map<String, List<String>> histories(Run run) {
        Map<String, List<String>> histories = new TreeMap<>();
        for (Metric latest : run.getData().getMetricsList()) {
            Function<Metric, String> point = m -> m.getStep() + ":" + Double.toString(m.getValue());
            histories.put(latest.getKey(), client.getMetricHistory(run.getInfo().getRunId(), latest.getKey()).stream()
                    .map(point).sorted().toList());
        }
        return histories;
    }
}
