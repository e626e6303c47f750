package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The MLflow server integration tests run against: GANSWEEP_TEST_MLFLOW_URI, which .ci/run sets after
 * scripts/mlflow-server start. Without it the tests are skipped on a developer machine, but fail under CI
 * (GANSWEEP_CI=1): there a missing server is a broken set-up, not a reason to pass.
 */
final class MlflowTestServer {
    static final String ENV = "GANSWEEP_TEST_MLFLOW_URI";

    private MlflowTestServer() {
    }

    static String uri() {
        String uri = System.getenv(ENV);
        boolean ci = "1".equals(System.getenv("GANSWEEP_CI"));
        if (uri == null || uri.isBlank()) {
            if (ci) {
                fail(ENV + " is not set: .ci/run must start scripts/mlflow-server and export it");
            }
            assumeTrue(false, "no MLflow server: scripts/mlflow-server start, then export " + ENV + "=<its URI>");
        }
        try {
            HttpResponse<String> health = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(HttpRequest.newBuilder(URI.create(uri + "/health")).timeout(Duration.ofSeconds(10)).build(),
                            HttpResponse.BodyHandlers.ofString());
            if (health.statusCode() != 200) {
                fail(ENV + "=" + uri + ": /health answered " + health.statusCode());
            }
        } catch (Exception e) {
            fail(ENV + "=" + uri + ": no MLflow server answers (" + e + ")");
        }
        return uri;
    }
}
