package org.gansweep.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;

/**
 * A small HTTP/1.1 proxy between gansweep and a real MLflow server, for tests: it records every request it
 * receives (so tests count requests on the wire, not inside gansweep) and can play faults a server restart
 * causes, on request counts rather than on time: a connection dropped after the server did the work (the
 * answer lost), one dropped before it, a 503; and while the server itself is down, connections close
 * unanswered. It can also hold requests, so that a process can be killed, or the server restarted, while
 * gansweep is logging.
 */
final class MlflowProxy implements AutoCloseable {
    /** What happens to one request instead of a plain forward. */
    enum Fault {
        /** Forwarded and done by the server; the connection then closes without an answer. */
        DROP_AFTER_FORWARD,
        /** Closed without forwarding: the server never sees it. */
        DROP_BEFORE_FORWARD,
        /** Answered 503 without forwarding, as a server that is starting. */
        SERVICE_UNAVAILABLE
    }

    /** The response body recorded for a request the server could not be reached for. */
    static final String UPSTREAM_DOWN = "(server down)";

    /** One request as received, with the answer the client got (status 0: none). */
    record Exchange(String method, String path, String requestBody, int status, String responseBody) {
    }

    private final ServerSocket listener;
    private final String upstream;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<Exchange> exchanges = Collections.synchronizedList(new ArrayList<>());
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private Predicate<String> faultTrigger = request -> false;
    private Predicate<String> holdTrigger = request -> false;
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean forwardHeld;

    MlflowProxy(String upstream) throws IOException {
        this.upstream = upstream;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "mlflow-proxy");
        accept.setDaemon(true);
        accept.start();
    }

    String uri() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    List<Exchange> exchanges() {
        synchronized (exchanges) {
            return List.copyOf(exchanges);
        }
    }

    /**
     * Plays {@code sequence} on the first request whose "METHOD path body" matches {@code trigger} and on the
     * requests received right after it, one fault each.
     */
    synchronized void faults(Predicate<String> trigger, List<Fault> sequence) {
        faultTrigger = trigger;
        faults.addAll(sequence);
    }

    /**
     * Holds every request from the first matching one on, until {@link #releaseHeld} forwards them or
     * {@link #close} drops them unanswered.
     */
    synchronized void holdFrom(Predicate<String> trigger) {
        holdTrigger = trigger;
    }

    /** Waits until a request is held, or {@code timeout}; true when one is. */
    boolean awaitHeld(long timeout, java.util.concurrent.TimeUnit unit) throws InterruptedException {
        return held.await(timeout, unit);
    }

    /** Lets held requests, and all later ones, through to the server. */
    void releaseHeld() {
        forwardHeld = true;
        release.countDown();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                open.add(socket);
                Thread connection = new Thread(() -> serve(socket), "mlflow-proxy-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream());
             OutputStream out = socket.getOutputStream()) {
            while (true) {
                String requestLine = line(in);
                if (requestLine == null || requestLine.isEmpty()) {
                    return;
                }
                String[] parts = requestLine.split(" ");
                List<String[]> headers = new ArrayList<>();
                int length = 0;
                for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                    String[] pair = header.split(":", 2);
                    headers.add(new String[] {pair[0].strip(), pair[1].strip()});
                    if (pair[0].strip().toLowerCase(Locale.ROOT).equals("content-length")) {
                        length = Integer.parseInt(pair[1].strip());
                    }
                }
                byte[] body = in.readNBytes(length);
                String text = new String(body, StandardCharsets.UTF_8);
                String summary = parts[0] + " " + parts[1] + " " + text;
                Fault fault = nextFault(summary);
                if (shouldHold(summary)) {
                    held.countDown();
                    release.await();
                    if (!forwardHeld) {
                        exchanges.add(new Exchange(parts[0], parts[1], text, 0, ""));
                        return;
                    }
                }
                if (fault == Fault.DROP_BEFORE_FORWARD) {
                    exchanges.add(new Exchange(parts[0], parts[1], text, 0, ""));
                    return;
                }
                if (fault == Fault.SERVICE_UNAVAILABLE) {
                    exchanges.add(new Exchange(parts[0], parts[1], text, 503, ""));
                    answer(out, 503, "text/plain", new byte[0]);
                    continue;
                }
                HttpResponse<byte[]> response;
                try {
                    response = forward(parts[0], parts[1], headers, body);
                } catch (IOException e) {
                    // The server is down: the client's connection closes unanswered, as it would without us.
                    exchanges.add(new Exchange(parts[0], parts[1], text, 0, UPSTREAM_DOWN));
                    return;
                }
                String responseText = new String(response.body(), StandardCharsets.UTF_8);
                if (fault == Fault.DROP_AFTER_FORWARD) {
                    exchanges.add(new Exchange(parts[0], parts[1], text, 0, responseText));
                    return;
                }
                exchanges.add(new Exchange(parts[0], parts[1], text, response.statusCode(), responseText));
                answer(out, response.statusCode(), response.headers().firstValue("Content-Type")
                        .orElse("application/json"), response.body());
            }
        } catch (IOException e) {
            // The client went away: nothing to answer.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(socket);
        }
    }

    private synchronized Fault nextFault(String request) {
        if (faults.isEmpty()) {
            return null;
        }
        if (faultTrigger.test(request)) {
            faultTrigger = any -> true;
            return faults.poll();
        }
        return null;
    }

    private synchronized boolean shouldHold(String request) {
        if (holdTrigger.test(request)) {
            holdTrigger = any -> true;
            return true;
        }
        return false;
    }

    private HttpResponse<byte[]> forward(String method, String path, List<String[]> headers, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upstream + path))
                .method(method, body.length == 0 && method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String[] header : headers) {
            String name = header[0].toLowerCase(Locale.ROOT);
            if (name.equals("content-type") || name.equals("authorization")) {
                request.header(header[0], header[1]);
            }
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void answer(OutputStream out, int status, String type, byte[] body) throws IOException {
        String head = "HTTP/1.1 " + status + " X\r\nContent-Type: " + type + "\r\nContent-Length: " + body.length
                + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    /** One CRLF-terminated line, or null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(c);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        release.countDown();
        listener.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
