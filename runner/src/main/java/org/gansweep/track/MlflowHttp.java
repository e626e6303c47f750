package org.gansweep.track;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gansweep.internal.IoErrors;

/**
 * MLflow's REST API as plain HTTP, one call per request, each retried where the failure may pass: a connection
 * that failed, 429 (too many requests) and 5xx (a server restarting or overloaded). Other answers (400, 404)
 * are final. The MLflow Java client is not used here: it retries on its own terms, hides how many requests a
 * call made, and needs Python for artifacts.
 *
 * <p>Retrying is safe for every request gansweep sends: a log-batch repeated with the same timestamps adds no
 * metric points (the server skips exact duplicates), tags and status are set again, an artifact is written
 * again. Only a create can leave a second copy; {@link Reply#maybeRepeated} tells the caller to look.
 * Thread-safe.
 */
final class MlflowHttp {
    /**
     * Waits before each retry: the first at once (a connection the server closed meanwhile), then doubling to
     * 15 s; about 60 s in all, three times what an MLflow 3 server with SQLite takes to restart here (~20 s).
     */
    static final List<Duration> BACKOFF = List.of(Duration.ZERO, Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(15),
            Duration.ofSeconds(15), Duration.ofSeconds(15));
    /**
     * Tries of a refused connection while the server has never answered this process: nothing listening at
     * the start is a wrong URI or a server not started, not a restart, and waiting a minute helps no one.
     */
    static final int REFUSED_TRIES_BEFORE_AN_ANSWER = 3;
    /** A search over thousands of runs takes seconds; a server that answers nothing in this is hung. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    /** A successful answer; {@code maybeRepeated} when an earlier try may have been carried out too. */
    record Reply(JsonNode body, boolean maybeRepeated) {
    }

    private final TrackingServer server;
    private final List<Duration> backoff;
    private final FreshConnections connections = new FreshConnections();
    /**
     * Set once a request failed after all its retries, cleared by the next success: meanwhile each request
     * gets a single try, so a server that stays down costs the rest of a sweep seconds, not a minute per request.
     */
    private final AtomicBoolean down = new AtomicBoolean();
    /** Whether the server ever answered (any status): from then on, a refused connection is a restart. */
    private final AtomicBoolean answered = new AtomicBoolean();

    MlflowHttp(TrackingServer server) {
        this(server, BACKOFF);
    }

    /** With other waits between tries (tests); one try per wait plus the first. */
    MlflowHttp(TrackingServer server, List<Duration> backoff) {
        this.server = server;
        this.backoff = List.copyOf(backoff);
    }

    ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** POST {@code body} to {@code /api/2.0/mlflow/<endpoint>}; {@code what} names the call in errors. */
    Reply post(String endpoint, ObjectNode body, String what) {
        byte[] json = body.toString().getBytes(StandardCharsets.UTF_8);
        return send(() -> request(server.endpoint("/api/2.0/mlflow/" + endpoint))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build(), what);
    }

    /** PUT {@code content} at {@code target} (an artifact); the file is read again on each try. */
    void put(URI target, HttpRequest.BodyPublisher content, String what) {
        send(() -> request(target).header("Content-Type", "application/octet-stream").PUT(content).build(), what);
    }

    private HttpRequest.Builder request(URI target) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(REQUEST_TIMEOUT);
        server.authorization().ifPresent(value -> request.header("Authorization", value));
        return request;
    }

    private interface RequestMaker {
        HttpRequest make();
    }

    private Reply send(RequestMaker maker, String what) {
        int tries = down.get() ? 1 : backoff.size() + 1;
        boolean maybeCarriedOut = false;
        String problem = "";
        for (int attempt = 0; attempt < tries; attempt++) {
            if (attempt > 0) {
                pause(backoff.get(attempt - 1), what);
            }
            HttpClient client = connections.acquire();
            boolean broken = true;
            boolean repeated = maybeCarriedOut;
            try {
                HttpResponse<String> response = client.send(maker.make(), HttpResponse.BodyHandlers.ofString());
                broken = false;
                answered.set(true);
                int status = response.statusCode();
                if (status / 100 == 2) {
                    down.set(false);
                    return new Reply(parse(response.body()), repeated);
                }
                problem = "HTTP " + status + errorText(response.body());
                if (!retriable(status, response.body())) {
                    throw new TrackingException(failure(what, problem), false);
                }
                // 429 is refused before any work; a 5xx may come after the work was done.
                maybeCarriedOut |= status != 429;
            } catch (ConnectException | HttpConnectTimeoutException e) {
                problem = IoErrors.bareReason(e);
                if (!answered.get() && attempt + 1 >= REFUSED_TRIES_BEFORE_AN_ANSWER) {
                    tries = attempt + 1;
                }
            } catch (IOException e) {
                // Written but unanswered: the server may have done it before the connection died.
                problem = IoErrors.bareReason(e);
                maybeCarriedOut = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TrackingException(failure(what, "interrupted"), e);
            } finally {
                connections.release(client, broken);
            }
        }
        down.set(true);
        throw new TrackingException(failure(what, problem + (tries > 1 ? " (tried " + tries + " times)" : "")), false);
    }

    private static boolean retriable(int status, String body) {
        // A server started with --no-serve-artifacts answers 503 to uploads, for good.
        return status == 429 || status / 100 == 5 && !body.contains("no-serve-artifacts");
    }

    private String failure(String what, String problem) {
        return "MLflow at " + server.uri() + ": " + what + ": " + problem;
    }

    private static void pause(Duration wait, String what) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrackingException(what + ": interrupted", e);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }

    /** ": RESOURCE_DOES_NOT_EXIST: message", from MLflow's JSON error body, cut to one short line. */
    private static String errorText(String body) {
        JsonNode error = parse(body);
        String text = error.has("message") ? error.path("error_code").asText("") + ": " + error.get("message").asText()
                : body == null ? "" : body.strip();
        text = text.lines().findFirst().orElse("").strip();
        if (text.isEmpty()) {
            return "";
        }
        return ": " + (text.length() > 200 ? text.substring(0, 200) + "..." : text);
    }
}
