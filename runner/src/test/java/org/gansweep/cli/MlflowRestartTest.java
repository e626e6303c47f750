package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gansweep.engine.Trajectory;
import org.gansweep.plan.RunKey;
import org.gansweep.record.ResultStore;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Run;
import org.mlflow.api.proto.Service.RunStatus;
import org.mlflow.api.proto.Service.ViewType;
import org.mlflow.tracking.MlflowClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server restart in the middle of a tracked sweep, played by the proxy on request counts: a seed run's
 * create is done but its answer lost (the server died after committing), then the next requests find their
 * connections closed unanswered and then a starting server's 503. gansweep retries through it all; every run ends in MLflow exactly once, finished, with no metric point twice.
 */
class MlflowRestartTest {
    @TempDir
    Path dir;

    @Test
    void aServerRestartMidSweepLosesNothingAndDuplicatesNothing() throws Exception {
        String uri = MlflowTestServer.uri();
        String sweep = "restart-" + Long.toHexString(System.nanoTime());
        Path results = dir.resolve("results");
        MlflowClient client = new MlflowClient(uri);
        try (MlflowProxy proxy = new MlflowProxy(uri)) {
            int[] seedCreates = {0};
            proxy.faults(request -> request.startsWith("POST /api/2.0/mlflow/runs/create")
                            && request.contains("{\"key\":\"gansweep.kind\",\"value\":\"run\"}") && ++seedCreates[0] == 3,
                    List.of(MlflowProxy.Fault.DROP_AFTER_FORWARD, MlflowProxy.Fault.DROP_BEFORE_FORWARD,
                            MlflowProxy.Fault.DROP_BEFORE_FORWARD, MlflowProxy.Fault.SERVICE_UNAVAILABLE,
                            MlflowProxy.Fault.SERVICE_UNAVAILABLE));
            Cli.Result run = Cli.main("run", MlflowTreeTest.spec(dir, sweep), "--results", results.toString(),
                    "--tracking-uri", proxy.uri(), "--plots", "none", "--kernel", "nd4j");
            assertEquals(0, run.code(), run.err());
            assertTrue(run.err().contains("MLflow: logged 12 runs and the group totals"), run.err());

            List<MlflowProxy.Exchange> exchanges = proxy.exchanges();
            List<MlflowProxy.Exchange> failed = exchanges.stream().filter(e -> e.status() == 0 || e.status() == 503)
                    .toList();
            assertEquals(5, failed.size(), "every fault was played");
            MlflowProxy.Exchange lostCreate = failed.stream().filter(e -> !e.responseBody().isEmpty()).findFirst()
                    .orElseThrow();
            assertEquals("/api/2.0/mlflow/runs/create", lostCreate.path());
            String orphan = lostCreate.responseBody().replaceAll("(?s).*\"run_id\": ?\"([0-9a-f]+)\".*", "$1");
            assertEquals("deleted", client.getRun(orphan).getInfo().getLifecycleStage(),
                    "the copy the lost answer left was found and deleted");

            ResultStore store = ResultStore.existing(results.resolve(sweep));
            List<Run> active = MlflowView.runs(client, sweep, ViewType.ACTIVE_ONLY);
            List<String> keys = new ArrayList<>(MlflowView.ofKind(active, "run").stream()
                    .map(r -> MlflowView.tags(r).get("gansweep.run_key")).sorted().toList());
            assertEquals(store.completeKeys().stream().map(RunKey::value).sorted().toList(), keys);
            assertEquals(1, MlflowView.ofKind(active, "sweep").size());
            assertEquals(4, MlflowView.ofKind(active, "group").size());
            active.forEach(r -> assertEquals(RunStatus.FINISHED, r.getInfo().getStatus()));
            for (Run seed : MlflowView.ofKind(active, "run")) {
                Trajectory trajectory = MlflowView.trajectory(results.resolve(sweep).resolve("runs")
                        .resolve(MlflowView.tags(seed).get("gansweep.run_key")).resolve("trajectory.csv"));
                Map<Long, Double> logged = new TreeMap<>();
                for (Metric m : client.getMetricHistory(seed.getInfo().getRunId(), "w")) {
                    assertEquals(null, logged.put(m.getStep(), m.getValue()), "one point per step");
                }
                assertEquals(31, logged.size());
                for (double[] row : trajectory.rows()) {
                    assertEquals(row[trajectory.column("w")], logged.get((long) row[0]), 0.0);
                }
            }
        } finally {
            client.close();
        }
    }
}
