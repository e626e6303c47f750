package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.gansweep.record.ResultStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server that accepts connections and never answers must not hold a sweep past its --tracking-wait. */
class MlflowStallTest {
    @TempDir
    Path dir;

    @Test
    void aHangingServerCostsTheSweepOnlyTheWaitItWasGivenAndLosesNoResult() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer hanging = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hanging.createContext("/", exchange -> {
            requests.incrementAndGet();
            try {
                Thread.sleep(120_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        hanging.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "hanging-server");
            t.setDaemon(true);
            return t;
        }));
        hanging.start();
        try {
            String uri = "http://127.0.0.1:" + hanging.getAddress().getPort();
            Path spec = Files.writeString(dir.resolve("stall.json"), "{\"name\":\"stall\",\"experiment\":\"point\","
                    + "\"set\":{\"steps\":100,\"log_every\":10},\"seeds\":{\"count\":4}}");
            Path results = dir.resolve("results");
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Main.run(new String[] {"run",
                    spec.toString(), "--results", results.toString(), "--tracking-uri", uri, "--tracking-wait", "1",
                    "--kernel", "nd4j"}, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8)));
            String log = err.toString(StandardCharsets.UTF_8);
            assertEquals(0, code, log);
            assertTrue(requests.get() >= 1, "the tracker did try the server");
            assertTrue(log.contains("MLflow: logged 0 of 4 runs; 4 not logged: MLflow did not take the runs within "
                    + "1 s"), log);
            assertEquals(4, ResultStore.existing(results.resolve("stall")).completeKeys().size());
        } finally {
            hanging.stop(0);
        }
    }
}
