package org.gansweep.track;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gansweep.internal.Secrets;

/**
 * Where runs are tracked and how to authenticate there. Credentials are taken from the variables the Python
 * client uses
 * ({@code MLFLOW_TRACKING_USERNAME}/{@code MLFLOW_TRACKING_PASSWORD}, or {@code MLFLOW_TRACKING_TOKEN}).
 * They go into request headers only, never into params, tags or messages.
 */
public final class TrackingServer {
    private final String uri;
    private final Optional<String> username;
    private final Optional<String> password;
    private final Optional<String> token;

    private TrackingServer(String uri, Optional<String> username, Optional<String> password, Optional<String> token) {
        this.uri = uri;
        this.username = username;
        this.password = password;
        this.token = token;
    }

    /**
     * The server at {@code uri} (an http or https URL: local stores have no REST API to talk to), with
     * credentials from {@code environment}. {@code source} names where the URI came from, for errors.
     */
    public static TrackingServer of(String uri, String source, Map<String, String> environment) {
        String trimmed = uri.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        try {
            URI parsed = new URI(trimmed);
            String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || parsed.getHost() == null) {
                throw new TrackingException(source + " " + uri + ": expected an http:// or https:// MLflow server URL "
                        + "(gansweep talks to a server's REST API; local file: and sqlite: stores have none: start a "
                        + "server with scripts/mlflow-server start)", true);
            }
        } catch (URISyntaxException e) {
            throw new TrackingException(source + " " + uri + ": not a URL (" + e.getReason() + ")", true);
        }
        TrackingServer server = new TrackingServer(trimmed, env(environment, "MLFLOW_TRACKING_USERNAME"),
                env(environment, "MLFLOW_TRACKING_PASSWORD"), env(environment, "MLFLOW_TRACKING_TOKEN"));
        server.password.ifPresent(Secrets::register);
        server.token.ifPresent(Secrets::register);
        String userInfo = URI.create(trimmed).getRawUserInfo();
        if (userInfo != null && userInfo.contains(":")) {
            Secrets.register(userInfo.substring(userInfo.indexOf(':') + 1));
        }
        return server;
    }

    private static Optional<String> env(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).filter(v -> !v.isEmpty());
    }

    public String uri() {
        return uri;
    }

    /**
     * The URL of {@code path} on this server, without the URI's user-info: that goes into the Authorization
     * header (as Python's client does with it), not onto the wire as part of the URL.
     */
    URI endpoint(String path) {
        URI parsed = URI.create(uri);
        return URI.create(parsed.getScheme() + "://" + parsed.getRawAuthority().replaceFirst("^[^@]*@", "")
                + (parsed.getRawPath() == null ? "" : parsed.getRawPath()) + path);
    }

    /**
     * The Authorization header value: a token, else a user name and password from the environment, else the
     * URI's own user-info.
     */
    public Optional<String> authorization() {
        if (token.isPresent()) {
            return Optional.of("Bearer " + token.get());
        }
        Optional<String> userInfo = username.map(user -> user + ":" + password.orElse(""))
                .or(() -> Optional.ofNullable(URI.create(uri).getUserInfo()));
        return userInfo.map(user -> "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
    }
}
