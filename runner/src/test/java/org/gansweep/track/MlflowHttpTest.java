package org.gansweep.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which answers are retried, which are final, and what a server that stays down costs. */
class MlflowHttpTest {
    private static final List<Duration> NO_WAIT = List.of(Duration.ZERO, Duration.ZERO, Duration.ZERO);

    private final AtomicInteger requests = new AtomicInteger();
    private final Deque<Integer> statuses = new ArrayDeque<>();
    private HttpServer server;

    /** A server answering the queued statuses in turn (200 once they are used up). */
    private MlflowHttp http(Integer... answers) throws IOException {
        statuses.addAll(List.of(answers));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            Integer status = statuses.poll();
            int code = status == null ? 200 : status;
            byte[] body = (code == 400 ? "{\"error_code\":\"INVALID_PARAMETER_VALUE\",\"message\":\"bad key\\nsecond line\"}"
                    : code == 200 ? "{\"run_id\":\"abc\"}" : "").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return new MlflowHttp(TrackingServer.of("http://127.0.0.1:" + server.getAddress().getPort(), "test", Map.of()),
                NO_WAIT);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void tooManyRequestsAndServerErrorsAreRetriedAndA5xxMayHaveBeenCarriedOut() throws IOException {
        MlflowHttp http = http(429, 503, 500);
        MlflowHttp.Reply reply = http.post("runs/create", http.object(), "creating run x");
        assertEquals(4, requests.get());
        assertEquals("abc", reply.body().path("run_id").asText());
        assertTrue(reply.maybeRepeated());
    }

    @Test
    void onlyA429BeforeSuccessMeansNothingWasCarriedOutTwice() throws IOException {
        MlflowHttp http = http(429);
        assertFalse(http.post("runs/create", http.object(), "creating run x").maybeRepeated());
        assertEquals(2, requests.get());
    }

    @Test
    void aBadRequestIsFinalAndSaidInOneLine() throws IOException {
        MlflowHttp http = http(400);
        TrackingException e = assertThrows(TrackingException.class,
                () -> http.post("runs/log-batch", http.object(), "logging run x"));
        assertEquals(1, requests.get());
        assertEquals("MLflow at http://127.0.0.1:" + server.getAddress().getPort()
                + ": logging run x: HTTP 400: INVALID_PARAMETER_VALUE: bad key", e.getMessage());
    }

    @Test
    void afterARequestFailedEveryTryLaterRequestsGetOneTryUntilOneSucceeds() throws IOException {
        MlflowHttp http = http(503, 503, 503, 503, 503);
        TrackingException e = assertThrows(TrackingException.class,
                () -> http.post("runs/update", http.object(), "finishing run x"));
        assertTrue(e.getMessage().endsWith(": finishing run x: HTTP 503 (tried 4 times)"), e.getMessage());
        assertEquals(4, requests.get());
        assertThrows(TrackingException.class, () -> http.post("runs/update", http.object(), "finishing run y"));
        assertEquals(5, requests.get(), "one try while the server is down");
        http.post("runs/update", http.object(), "finishing run z");
        assertEquals(6, requests.get(), "one try, which succeeds");
        statuses.addAll(List.of(503, 503, 503));
        http.post("runs/update", http.object(), "finishing run w");
        assertEquals(10, requests.get(), "retried in full again once the server answered");
    }

    @Test
    void nothingListeningBeforeTheServerEverAnsweredIsGivenUpOnAfterThreeTries() throws IOException {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        MlflowHttp http = new MlflowHttp(TrackingServer.of("http://127.0.0.1:" + port, "test", Map.of()));
        TrackingException e = assertThrows(TrackingException.class,
                () -> http.post("experiments/search", http.object(), "finding experiment x"));
        assertEquals("MLflow at http://127.0.0.1:" + port + ": finding experiment x: connection refused (tried 3 "
                + "times)", e.getMessage());
    }
}
