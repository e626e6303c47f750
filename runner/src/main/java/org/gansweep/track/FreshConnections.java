package org.gansweep.track;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The HTTP client requests go through, replaced before it could hand out a connection the server has
 * closed. JDK 17's client keeps idle connections for 20 minutes (jdk.httpclient.keepalive.timeout, 1200 s);
 * servers close theirs after a few seconds (uvicorn 5 s, gunicorn 2 s), and a request written onto such a
 * connection fails with "header parser received no bytes". So after {@link #IDLE} without any request in
 * flight the pool is dropped whole and the next request opens a new connection. Concurrent requests each get
 * a connection of their own, so N logging threads use N connections. Thread-safe.
 */
final class FreshConnections {
    /** Below every keep-alive timeout we know of (gunicorn's 2 s is the shortest). */
    static final Duration IDLE = Duration.ofMillis(1000);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private HttpClient client;
    private int inFlight;
    private long idleSince;

    /** A client for one request; pair with {@link #release}. */
    synchronized HttpClient acquire() {
        boolean stale = inFlight == 0 && System.nanoTime() - idleSince > IDLE.toNanos();
        if (client == null || stale) {
            client = newClient();
        }
        inFlight++;
        return client;
    }

    /** The request is over; {@code broken} when its connection failed, so the pool is not trusted again. */
    synchronized void release(HttpClient used, boolean broken) {
        inFlight--;
        idleSince = System.nanoTime();
        if (broken && used == client) {
            client = null;
        }
    }

    private static HttpClient newClient() {
        // HTTP/1.1: MLflow's servers speak nothing else, and an h2c upgrade attempt only costs a round trip.
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT).build();
    }
}
