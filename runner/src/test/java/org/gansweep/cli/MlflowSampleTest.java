package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.gansweep.plan.GroupKey;
import org.gansweep.record.ResultStore;
import org.gansweep.record.RunRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.Service.Run;
import org.mlflow.api.proto.Service.ViewType;
import org.mlflow.tracking.MlflowClient;

/**
 * {@code --tracking-runs}: a sample logs, per group, the first two seed runs in plan order and the runs that
 * did not converge (up to ten), while the group runs still count every seed; {@code sync --tracking-runs all}
 * adds the rest, each once; {@code none} logs the groups and the sweep only.
 */
class MlflowSampleTest {
    /** 150 steps: too few for most runs to converge, so a group has more failed runs than the sample takes. */
    private static final String SPEC = "{\"name\": \"%s\", \"experiment\": \"point\", \"set\": {\"steps\": 150, "
            + "\"log_every\": 10}, \"grid\": {\"easing\": [0.0, 0.1]}, \"seeds\": {\"count\": 14}}";
    private static final int RUNS = 28;

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
    void aSampleLogsEachGroupsFirstTwoAndItsFailedRunsAndSyncAllAddsTheRestOnce() throws Exception {
        String name = "sample-" + Long.toHexString(System.nanoTime());
        Path results = dir.resolve("results");
        Cli.Result run = Cli.main("run", spec(name), "--results", results.toString(), "--kernel", "nd4j", "--plots",
                "none", "--tracking-uri", uri, "--tracking-runs", "sample");
        assertEquals(0, run.code(), run.err());

        List<RunRecord> records = ReportCommand.records(ResultStore.existing(results.resolve(name)), Map.of());
        assertEquals(RUNS, records.size());
        Set<String> expected = firstTwoAndFailed(records);
        assertTrue(expected.size() > 4 && expected.size() < RUNS, "the sample should be more than 2 a group and "
                + "less than all: " + expected.size());
        assertTrue(run.err().contains("MLflow: logged " + expected.size() + " runs (a sample of the sweep's " + RUNS
                + ": --tracking-runs sample; sync --tracking-runs all adds the rest) and the group totals"), run.err());
        assertEquals(expected, seedRunKeys(name));
        for (Run group : MlflowView.ofKind(MlflowView.runs(client, name, ViewType.ACTIVE_ONLY), "group")) {
            assertEquals(14.0, metric(group, "n"), "a group counts all its seeds, logged or not");
        }

        Cli.Result sync = Cli.main("sync", results.resolve(name).toString(), "--tracking-uri", uri, "--tracking-runs",
                "all");
        assertEquals(0, sync.code(), sync.err());
        assertTrue(sync.err().contains(RUNS + " complete runs, " + expected.size() + " already in MLflow, "
                + (RUNS - expected.size()) + " to log"), sync.err());
        assertEquals(records.stream().map(r -> r.key().value()).collect(Collectors.toCollection(TreeSet::new)),
                seedRunKeys(name));
    }

    @Test
    void noneLogsTheGroupsAndTheSweepOnly() throws Exception {
        String name = "none-" + Long.toHexString(System.nanoTime());
        Cli.Result run = Cli.main("run", spec(name), "--results", dir.resolve("results").toString(), "--kernel", "nd4j",
                "--plots", "none", "--tracking-uri", uri, "--tracking-runs", "none");
        assertEquals(0, run.code(), run.err());
        List<Run> all = MlflowView.runs(client, name, ViewType.ACTIVE_ONLY);
        assertEquals(0, MlflowView.ofKind(all, "run").size());
        assertEquals(2, MlflowView.ofKind(all, "group").size());
        assertEquals(1, MlflowView.ofKind(all, "sweep").size());
    }

    @Test
    void anUnknownChoiceIsBadInputBeforeAnyWork() throws Exception {
        Cli.Result run = Cli.main("run", spec("bad-choice"), "--results", dir.resolve("results").toString(),
                "--tracking-runs", "some");
        assertEquals(2, run.code());
        assertEquals("gansweep: --tracking-runs some: expected all, sample or none", run.err().strip());
        assertTrue(Files.notExists(dir.resolve("results")), "nothing written");
    }

    private String spec(String name) throws Exception {
        return Files.writeString(dir.resolve(name + ".json"), String.format(SPEC, name)).toString();
    }

    /** The rule stated again here: per group in plan order, the first two, then failed ones up to ten. */
    private static Set<String> firstTwoAndFailed(List<RunRecord> records) {
        Map<GroupKey, int[]> counts = new HashMap<>();
        Set<String> chosen = new TreeSet<>();
        for (RunRecord r : records) {
            int[] c = counts.computeIfAbsent(r.group(), g -> new int[2]);
            if (c[0]++ < 2) {
                chosen.add(r.key().value());
            } else if (!r.success() && c[1]++ < 10) {
                chosen.add(r.key().value());
            }
        }
        return chosen;
    }

    private Set<String> seedRunKeys(String sweep) {
        List<Run> seeds = MlflowView.ofKind(MlflowView.runs(client, sweep, ViewType.ACTIVE_ONLY), "run");
        Set<String> keys = seeds.stream().map(r -> MlflowView.tags(r).get("gansweep.run_key"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(seeds.size(), keys.size(), "a seed run logged twice");
        return keys;
    }

    private static double metric(Run run, String key) {
        return run.getData().getMetricsList().stream().filter(m -> m.getKey().equals(key)).findFirst().orElseThrow()
                .getValue();
    }
}
