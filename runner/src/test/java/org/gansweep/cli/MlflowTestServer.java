package org.gansweep.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.gansweep.Services;

/**
 * The MLflow server integration tests run against: GANSWEEP_TEST_MLFLOW_URI, which scripts/test sets after
 * scripts/mlflow-server start. Without one that answers, the tests are skipped on a developer machine and
 * fail under CI ({@link Services}).
 */
final class MlflowTestServer {
    static final String ENV = "GANSWEEP_TEST_MLFLOW_URI";
    /** Why no server can be used, "" when it answered; probed once per JVM. Guarded by the class. */
    private static String problem;

    private MlflowTestServer() {
    }

    /** The server's URI, once it answered /health; skips or fails the calling test otherwise. */
    static synchronized String uri() {
        String uri = System.getenv(ENV);
        if (problem == null) {
            problem = probe(uri);
        }
        Services.require(problem.isEmpty(), problem);
        return uri;
    }

    private static String probe(String uri) {
        if (uri == null || uri.isBlank()) {
            return "no MLflow server: " + ENV + " is not set (scripts/test starts one; by hand: "
                    + "scripts/mlflow-server start, then export " + ENV + "=<its URI>)";
        }
        try {
            HttpResponse<String> health = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(HttpRequest.newBuilder(URI.create(uri + "/health")).timeout(Duration.ofSeconds(10)).build(),
                            HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200 ? "" : "no MLflow server at " + ENV + "=" + uri + ": /health answered "
                    + health.statusCode();
        } catch (java.io.IOException | IllegalArgumentException e) {
            return "no MLflow server answers at " + ENV + "=" + uri + " (" + e + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while probing " + ENV + "=" + uri;
        }
    }
}
