package org.gansweep.track;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The HTTP client requests go through, replaced before it could hand out a connection the server has
 * closed. JDK 17's client keeps idle connections for 20 minutes (jdk.httpclient.keepalive.timeout, 1200 s);
 * servers close theirs after a few seconds (uvicorn 5 s, gunicorn 2 s), and a request written onto such a
 * connection fails with "header parser received no bytes". So after {@link #IDLE} without any request in
 * flight the pool is dropped whole and the next request opens a new connection. Concurrent requests each get
 * a connection of their own, so N logging threads use N connections; and every {@link #REQUESTS_PER_POOL}
 * requests a new pool is started, so that the server's workers share the load. Thread-safe.
 */
final class FreshConnections {
    /** Below every keep-alive timeout we know of (gunicorn's 2 s is the shortest). */
    static final Duration IDLE = Duration.ofMillis(1000);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /**
     * Requests per pool before a new one is started (requests still in flight finish on the old one). An
     * MLflow server's workers share one listening socket and each connection stays with the worker that took
     * it, so four long-lived connections split the work 2:1 or worse between two workers (measured: 28 and 15
     * CPU-seconds); connections opened afresh every few requests spread it evenly (14 and 15), and MLflow's
     * catching-up after point-tricks fell from 13.3 s to 12.0 s. A few requests a connection keep the cost of
     * connecting (a TLS handshake to a remote server) small.
     */
    static final int REQUESTS_PER_POOL = 8;

    private HttpClient client;
    private int inFlight;
    private int served;
    private long idleSince;

    /** A client for one request; pair with {@link #release}. */
    synchronized HttpClient acquire() {
        boolean stale = inFlight == 0 && System.nanoTime() - idleSince > IDLE.toNanos();
        if (client == null || stale || served >= REQUESTS_PER_POOL) {
            client = newClient();
            served = 0;
        }
        served++;
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
