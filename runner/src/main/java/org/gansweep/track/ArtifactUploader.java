package org.gansweep.track;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Uploads run files to a server that serves artifacts ({@code mlflow server}'s default): a plain HTTP PUT
 * to {@code /api/2.0/mlflow-artifacts/artifacts/<path>}, where the run's artifact URI is
 * {@code mlflow-artifacts:/<path>}. The MLflow Java client would shell out to Python for this instead.
 */
final class ArtifactUploader {
    private static final String SCHEME = "mlflow-artifacts:";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final TrackingServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ArtifactUploader(TrackingServer server) {
        this.server = server;
    }

    /** True when runs with this artifact URI can be uploaded to by PUT; others are skipped with a note. */
    static boolean supports(String artifactUri) {
        return artifactUri.startsWith(SCHEME);
    }

    /** Uploads {@code file} as {@code name} (a path relative to the run's artifact root). */
    void upload(String artifactUri, String name, Path file) {
        URI target = target(artifactUri, name);
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(TIMEOUT)
                .header("Content-Type", "application/octet-stream");
        server.authorization().ifPresent(value -> request.header("Authorization", value));
        try {
            HttpResponse<String> response = http.send(request.PUT(HttpRequest.BodyPublishers.ofFile(file)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                String hint = response.statusCode() == 503 ? " (the server runs with --no-serve-artifacts)" : "";
                throw new TrackingException("uploading " + name + " to " + target + ": HTTP " + response.statusCode()
                        + hint, false);
            }
        } catch (IOException e) {
            throw new TrackingException("uploading " + name + " to " + target + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrackingException("uploading " + name + ": interrupted", e);
        }
    }

    /** The download/upload URL of one artifact, for tests and for users. */
    URI target(String artifactUri, String name) {
        if (!supports(artifactUri)) {
            throw new IllegalArgumentException("not an mlflow-artifacts: URI: " + artifactUri);
        }
        String root = artifactUri.substring(SCHEME.length()).replaceAll("^/+", "");
        String path = Arrays.stream((root + "/" + name).split("/")).filter(s -> !s.isEmpty())
                .map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/"));
        return URI.create(server.uri() + "/api/2.0/mlflow-artifacts/artifacts/" + path);
    }
}
