package org.openapproval.sandbox.kit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The HTTP server under a vendor sandbox: the JDK's server bound to 127.0.0.1 on a random free port, with
 * daemon threads (several, so a request held by a latency fault does not block the others).
 *
 * <p>Started with an {@linkplain #start(String, QueryDecoding, Function) app}, it also runs the vendor-neutral
 * part of a sandbox's request pipeline: it reads each exchange into a {@link Request}, records it (the latest
 * {@value #MAX_RECORDED}) and counts it, asks the app for a {@link Reply} and sends that. A failure while
 * reading the request or inside the app is answered with HTTP 500 {@code sandbox failure: <exception>}, so a
 * sandbox bug shows up loudly rather than imitating the vendor.
 *
 * <p>Latency: the JDK server writes response headers and body as two packets, so with Nagle's algorithm on
 * each answer waits for the client's delayed ACK (about 40 ms). This class never sets JVM-wide properties;
 * start the JVM with {@code -Dsun.net.httpserver.nodelay=true} (the build's tests and the CLI do) when a
 * sandbox's speed matters.
 */
public final class LoopbackHttpServer implements AutoCloseable {
    /** How many of the most recent requests {@link #requests()} keeps. */
    public static final int MAX_RECORDED = 10_000;

    /** What a malformed percent-escape in the query does; both decode the form way ('+' = space). */
    public enum QueryDecoding {
        /** The request fails: it is neither recorded nor counted, and is answered with HTTP 500. */
        STRICT,
        /** The name=value pair with the malformed escape is dropped; the rest of the query is kept. */
        DROP_MALFORMED_PAIRS
    }

    /**
     * One HTTP request as received: the raw (still percent-encoded) and the decoded path, the query decoded
     * the form way (names in first-seen order, values in order), header names lower-case with multiple values
     * joined with ", ", the body as UTF-8.
     */
    public record Request(String method, String rawPath, String path, Map<String, List<String>> query,
            Map<String, String> headers, String body) {
        public Request {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(rawPath, "rawPath");
            Objects.requireNonNull(path, "path");
            Map<String, List<String>> q = new LinkedHashMap<>();
            query.forEach((k, v) -> q.put(k, List.copyOf(v)));
            query = Collections.unmodifiableMap(q);
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
            Objects.requireNonNull(body, "body");
        }
    }

    /** How a reply is put on the wire: normally, or the way a hostile or broken server would. */
    public enum Delivery {
        /** Headers with the body's length, then the body. */
        NORMAL,
        /** Headers announcing a long body, then one byte per pace, for as long as the client listens. */
        DRIP,
        /** Chunked encoding, a small chunk per pace, never finished. */
        ENDLESS_CHUNKS,
        /** No answer at all: the connection is closed. */
        RESET
    }

    /**
     * An answer: status, {@code Content-Type}, body bytes (none sends no body) and further headers, set after
     * the content type; {@code delivery} and {@code pace} say how it is sent (a hostile server's ways).
     */
    public record Reply(int status, String contentType, byte[] body, Map<String, String> headers, Delivery delivery,
                        java.time.Duration pace) {
        static final java.time.Duration MIN_PACE = java.time.Duration.ofMillis(10);

        public Reply {
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(body, "body");
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
            Objects.requireNonNull(delivery, "delivery");
            pace = pace == null || pace.compareTo(MIN_PACE) < 0 ? MIN_PACE : pace;
        }

        public Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
            this(status, contentType, body, headers, Delivery.NORMAL, MIN_PACE);
        }

        /** This reply sent the {@code delivery} way, a byte or chunk per {@code pace} (at least 10 ms). */
        public Reply delivered(Delivery how, java.time.Duration everyPace) {
            return new Reply(status, contentType, body, headers, how, everyPace);
        }

        /**
         * A well-formed JSON object of about {@code size} bytes: one huge field no client knows, then the fields of
         * this (JSON object) reply.
         */
        public Reply padded(int size) {
            String original = new String(body, StandardCharsets.UTF_8).strip();
            String rest = original.startsWith("{") && original.length() > 2 ? "," + original.substring(1) : "}";
            byte[] head = "{\"padding\":\"".getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("\"" + rest).getBytes(StandardCharsets.UTF_8);
            int fill = Math.max(0, size - head.length - tail.length);
            byte[] out = new byte[head.length + fill + tail.length];
            System.arraycopy(head, 0, out, 0, head.length);
            Arrays.fill(out, head.length, head.length + fill, (byte) 'x');
            System.arraycopy(tail, 0, out, head.length + fill, tail.length);
            return new Reply(status, "application/json; charset=UTF-8", out, headers, delivery, pace);
        }

        /** A {@code text/plain; charset=UTF-8} answer. */
        public static Reply text(int status, String text, Map<String, String> headers) {
            return new Reply(status, "text/plain; charset=UTF-8", text.getBytes(StandardCharsets.UTF_8), headers);
        }

        /** An HTTP 200 {@code application/json; charset=UTF-8} answer with these bytes. */
        public static Reply json(byte[] body) {
            return new Reply(200, "application/json; charset=UTF-8", body, Map.of());
        }

        /** The answer lost in transit: the first half of the real body, which no JSON parser accepts. */
        public Reply truncated() {
            return new Reply(status, contentType, Arrays.copyOf(body, Math.max(1, body.length / 2)), headers);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI endpoint;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Deque<Request> recorded = new ArrayDeque<>();
    private final AtomicLong requestCount = new AtomicLong();

    private LoopbackHttpServer(String threadName) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind " + threadName + " to 127.0.0.1", e);
        }
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, threadName + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Binds 127.0.0.1 on a random free port and starts serving every path with {@code handler}. */
    public static LoopbackHttpServer start(String threadName, HttpHandler handler) {
        LoopbackHttpServer s = new LoopbackHttpServer(threadName);
        s.server.createContext("/", Objects.requireNonNull(handler, "handler"));
        s.server.start();
        return s;
    }

    /**
     * Binds 127.0.0.1 on a random free port and starts serving every path with {@code app}: each request is
     * read, recorded and counted, then answered with the app's reply (HTTP 500 if reading or the app fails).
     */
    public static LoopbackHttpServer start(String threadName, QueryDecoding queryDecoding,
            Function<Request, Reply> app) {
        Objects.requireNonNull(queryDecoding, "queryDecoding");
        Objects.requireNonNull(app, "app");
        LoopbackHttpServer s = new LoopbackHttpServer(threadName);
        s.server.createContext("/", exchange -> s.serve(exchange, queryDecoding, app));
        s.server.start();
        return s;
    }

    /** {@code http://127.0.0.1:<port>} */
    public URI endpoint() {
        return endpoint;
    }

    /** The requests received so far by an app server (the latest {@value #MAX_RECORDED}), in order. */
    public List<Request> requests() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    /** How many requests an app server has received (read successfully), however many are still recorded. */
    public long requestCount() {
        return requestCount.get();
    }

    /** Stops at once and frees the port. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    // ------------------------------------------------------------------ request pipeline

    private void serve(HttpExchange exchange, QueryDecoding queryDecoding, Function<Request, Reply> app) {
        try {
            Reply reply;
            try {
                Request request = read(exchange, queryDecoding);
                record(request);
                reply = Objects.requireNonNull(app.apply(request), "reply");
            } catch (IOException | RuntimeException e) {
                // A sandbox bug or an interrupted read: say so loudly rather than imitate the vendor.
                reply = Reply.text(500, "sandbox failure: " + e, Map.of());
            }
            send(exchange, reply);
        } catch (IOException e) {
            // the client went away; nobody is left to tell
        } finally {
            exchange.close();
        }
    }

    private static Request read(HttpExchange exchange, QueryDecoding queryDecoding) throws IOException {
        URI uri = exchange.getRequestURI();
        String rawPath = uri.getRawPath() == null ? "" : uri.getRawPath();
        String path = uri.getPath() == null ? "" : uri.getPath();
        Map<String, List<String>> query = parseQuery(uri.getRawQuery(), queryDecoding);
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", values)));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        return new Request(exchange.getRequestMethod(), rawPath, path, query, headers, body);
    }

    private void record(Request request) {
        synchronized (recorded) {
            if (recorded.size() >= MAX_RECORDED) {
                recorded.removeFirst();
            }
            recorded.addLast(request);
        }
        requestCount.incrementAndGet();
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        if (reply.delivery() == Delivery.RESET) {
            return; // closing an exchange that sent no headers closes its connection
        }
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        if (reply.delivery() != Delivery.NORMAL) {
            sendForever(exchange, reply);
            return;
        }
        exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
        if (reply.body().length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        }
    }

    /**
     * A body that never completes: until the client hangs up (a write fails) or the server closes (the thread
     * is interrupted). Each pause is one pace, so a listening client receives a few bytes a second at most.
     */
    private static void sendForever(HttpExchange exchange, Reply reply) throws IOException {
        boolean drip = reply.delivery() == Delivery.DRIP;
        // a drip announces a little more than its body: plausible, and within any sensible size limit
        exchange.sendResponseHeaders(reply.status(), drip ? reply.body().length + 1024L : 0);
        OutputStream out = exchange.getResponseBody();
        byte[] source = reply.body().length == 0 ? new byte[] {' '} : reply.body();
        try {
            for (long i = 0; ; i++) {
                out.write(drip ? new byte[] {source[(int) (i % source.length)]} : " ".repeat(16).getBytes(
                        StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(reply.pace().toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the server is closing
        }
    }

    /**
     * The query decoded the form way ({@code +} = space, {@link URLDecoder}); empty pairs are skipped, a name
     * without {@code =} has the value "".
     *
     * @throws IllegalArgumentException for a malformed escape under {@link QueryDecoding#STRICT}
     */
    static Map<String, List<String>> parseQuery(String rawQuery, QueryDecoding queryDecoding) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException e) {
                if (queryDecoding == QueryDecoding.STRICT) {
                    throw e;
                }
                // a malformed escape: the pair is dropped, so a required parameter reads as missing
            }
        }
        query.replaceAll((k, v) -> List.copyOf(v));
        return query;
    }
}
