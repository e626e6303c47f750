package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.gansweep.Services;
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
 * A real MLflow server of this test's own (scripts/mlflow-server, on a free port) stopped and started again
 * while a sweep logs to it: the proxy holds the requests from the 5th seed run's log-batch on, the server
 * stops, the held requests go through to nothing (their connections close unanswered), and the server starts
 * again on the same database. gansweep's retries carry the sweep over the gap: every run logged once, each
 * FINISHED, no metric point twice. Needs the venv scripts/mlflow-server installs (MLFLOW_VENV, else
 * .venv/mlflow).
 */
class MlflowServerRestartTest {
    @TempDir
    Path dir;

    @Test
    void aSweepLogsThroughARealServerRestartLosingAndDuplicatingNothing() throws Exception {
        Path venv = Path.of(System.getenv().getOrDefault("MLFLOW_VENV", "../.venv/mlflow")).toAbsolutePath();
        Services.require(Files.isExecutable(venv.resolve("bin/mlflow")), "no MLflow venv at " + venv
                + " (scripts/mlflow-server start installs one; MLFLOW_VENV names another)");
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Map<String, String> env = Map.of("MLFLOW_SERVER_DIR", dir.resolve("server").toString(),
                "MLFLOW_SERVER_PORT", Integer.toString(port), "MLFLOW_VENV", venv.toString());
        String uri = "http://127.0.0.1:" + port;
        String sweep = "server-restart";
        Path results = dir.resolve("results");
        server("start", env);
        MlflowClient client = new MlflowClient(uri);
        try (MlflowProxy proxy = new MlflowProxy(uri)) {
            int[] seedBatches = {0};
            proxy.holdFrom(request -> request.startsWith("POST /api/2.0/mlflow/runs/log-batch")
                    && request.contains("{\"key\":\"seed\"") && ++seedBatches[0] == 5);
            String spec = MlflowTreeTest.spec(dir, sweep);
            CompletableFuture<Cli.Result> run = CompletableFuture.supplyAsync(() -> Cli.main("run", spec,
                    "--results", results.toString(), "--tracking-uri", proxy.uri(), "--plots", "none",
                    "--kernel", "nd4j"));
            while (!proxy.awaitHeld(1, TimeUnit.SECONDS)) {
                assertFalse(run.isDone(), () -> "the sweep ended before it was held: " + run.join().err());
            }
            server("stop", env);
            proxy.releaseHeld();
            server("start", env);
            Cli.Result result = run.get();
            assertEquals(0, result.code(), result.err());
            assertTrue(result.err().contains("MLflow: logged 12 runs and the group totals"), result.err());
            assertTrue(proxy.exchanges().stream().anyMatch(e -> e.responseBody().equals(MlflowProxy.UPSTREAM_DOWN)),
                    "requests met the stopped server");

            ResultStore store = ResultStore.existing(results.resolve(sweep));
            List<Run> active = MlflowView.runs(client, sweep, ViewType.ACTIVE_ONLY);
            assertEquals(store.completeKeys().stream().map(RunKey::value).sorted().toList(),
                    MlflowView.ofKind(active, "run").stream().map(r -> MlflowView.tags(r).get("gansweep.run_key"))
                            .sorted().toList());
            assertEquals(17, active.size(), "1 sweep + 4 groups + 12 seeds");
            active.forEach(r -> assertEquals(RunStatus.FINISHED, r.getInfo().getStatus(), r.getInfo().getRunName()));
            for (Run seed : MlflowView.ofKind(active, "run")) {
                Map<Long, Double> logged = new TreeMap<>();
                for (Metric m : client.getMetricHistory(seed.getInfo().getRunId(), "w")) {
                    assertEquals(null, logged.put(m.getStep(), m.getValue()), "one point per step");
                }
                assertEquals(31, logged.size());
            }
        } finally {
            client.close();
            server("stop", env);
        }
    }

    /** scripts/mlflow-server start or stop, for this test's server; start returns once it answers. */
    private static void server(String command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(Path.of("../scripts/mlflow-server").toAbsolutePath().toString(),
                command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), "scripts/mlflow-server " + command + ": " + output);
    }
}
