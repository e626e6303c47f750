package org.gansweep.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrackingServerTest {
    @Test
    void credentialsComeFromTheEnvironmentIntoTheHeaderOnly() {
        TrackingServer basic = TrackingServer.of("http://mlflow.example:5000/", "--tracking-uri",
                Map.of("MLFLOW_TRACKING_USERNAME", "ada", "MLFLOW_TRACKING_PASSWORD", "s3cret"));
        assertEquals("http://mlflow.example:5000", basic.uri());
        // base64("ada:s3cret")
        assertEquals(Optional.of("Basic YWRhOnMzY3JldA=="), basic.authorization());
        TrackingServer token = TrackingServer.of("https://mlflow.example", "--tracking-uri",
                Map.of("MLFLOW_TRACKING_TOKEN", "tok", "MLFLOW_TRACKING_USERNAME", "ada"));
        assertEquals(Optional.of("Bearer tok"), token.authorization());
        assertEquals(Optional.empty(), TrackingServer.of("http://h:1", "x", Map.of()).authorization());
    }

    @Test
    void localStoresAndNonUrlsAreBadInputNamingTheSource() {
        TrackingException file = assertThrows(TrackingException.class,
                () -> TrackingServer.of("file:./mlruns", "MLFLOW_TRACKING_URI", Map.of()));
        assertTrue(file.isBadInput());
        assertEquals("MLFLOW_TRACKING_URI file:./mlruns: expected an http:// or https:// MLflow server URL (gansweep "
                + "talks to a server's REST API; local file: and sqlite: stores have none: start a server with "
                + "scripts/mlflow-server start)", file.getMessage());
        assertTrue(assertThrows(TrackingException.class,
                () -> TrackingServer.of("http://", "--tracking-uri", Map.of())).isBadInput());
        assertTrue(assertThrows(TrackingException.class,
                () -> TrackingServer.of("http://a b", "--tracking-uri", Map.of())).isBadInput());
    }
}
