package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.gansweep.plan.RunKey;
import org.gansweep.record.ResultStore;
import org.mlflow.api.proto.Service.Run;
import org.mlflow.api.proto.Service.RunStatus;
import org.mlflow.api.proto.Service.ViewType;
import org.mlflow.tracking.MlflowClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gansweep process killed (SIGKILL) while it logs to a real MLflow server leaves runs RUNNING: the seed runs
 * it was in the middle of, the group runs and the sweep run. The next sync ends every run FINISHED, replaces
 * the cut-off seed runs, and logs each run once.
 */
class MlflowKillTest {
    @TempDir
    Path dir;

    @Test
    void syncAfterAKillMidLoggingFinishesEveryRunAndLogsEachOnce() throws Exception {
        String uri = MlflowTestServer.uri();
        String sweep = "kill-" + Long.toHexString(System.nanoTime());
        String spec = MlflowTreeTest.spec(dir, sweep);
        Path results = dir.resolve("results");
        MlflowClient client = new MlflowClient(uri);
        try {
            try (MlflowProxy proxy = new MlflowProxy(uri)) {
                int[] seedBatches = {0};
                // From the 5th seed run's log-batch on, nothing is answered: the child is stuck mid-logging.
                proxy.holdFrom(request -> request.startsWith("POST /api/2.0/mlflow/runs/log-batch")
                        && request.contains("{\"key\":\"seed\"") && ++seedBatches[0] == 5);
                ChildRun child = ChildRun.start(dir.resolve("child.log"), "run", spec, "--results", results.toString(),
                        "--tracking-uri", proxy.uri());
                while (!proxy.awaitHeld(1, TimeUnit.SECONDS)) {
                    assertTrue(child.process().isAlive(), "the child ended before it was held: " + child.output());
                }
                child.kill();
            }
            List<Run> before = MlflowView.runs(client, sweep, ViewType.ACTIVE_ONLY);
            Set<String> cutOff = MlflowView.ofKind(before, "run").stream()
                    .filter(r -> r.getInfo().getStatus() == RunStatus.RUNNING).map(r -> r.getInfo().getRunId())
                    .collect(Collectors.toSet());
            int finishedBefore = (int) MlflowView.ofKind(before, "run").stream()
                    .filter(r -> r.getInfo().getStatus() == RunStatus.FINISHED).count();
            assertTrue(!cutOff.isEmpty(), "the kill left seed runs RUNNING");
            assertEquals(RunStatus.RUNNING, MlflowView.ofKind(before, "sweep").get(0).getInfo().getStatus());

            // Train whatever the kill cut short (no tracking), then push what MLflow lacks.
            assertEquals(0, Cli.main("run", spec, "--results", results.toString(), "--plots", "none",
                    "--kernel", "nd4j").code());
            Cli.Result sync = Cli.main("sync", results.resolve(sweep).toString(), "--tracking-uri", uri);
            assertEquals(0, sync.code(), sync.err());
            assertTrue(sync.out().contains(": " + (12 - finishedBefore) + " runs logged now, " + finishedBefore
                    + " were there, 4 groups"), sync.out());

            List<Run> after = MlflowView.runs(client, sweep, ViewType.ACTIVE_ONLY);
            after.forEach(r -> assertEquals(RunStatus.FINISHED, r.getInfo().getStatus(), r.getInfo().getRunName()));
            ResultStore store = ResultStore.existing(results.resolve(sweep));
            assertEquals(store.completeKeys().stream().map(RunKey::value).sorted().toList(),
                    MlflowView.ofKind(after, "run").stream().map(r -> MlflowView.tags(r).get("gansweep.run_key"))
                            .sorted().toList());
            assertEquals(12, MlflowView.ofKind(after, "run").size());
            assertEquals(4, MlflowView.ofKind(after, "group").size());
            assertEquals(1, MlflowView.ofKind(after, "sweep").size());
            for (String id : cutOff) {
                assertEquals("deleted", client.getRun(id).getInfo().getLifecycleStage());
            }
        } finally {
            client.close();
        }
    }
}
