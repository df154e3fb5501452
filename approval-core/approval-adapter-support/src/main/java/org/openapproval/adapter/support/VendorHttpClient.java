package org.openapproval.adapter.support;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one pooled JDK {@link HttpClient} of a provider instance, as Feign's {@link Client}, with every call
 * bounded in time and memory:
 *
 * <ul>
 *   <li>a whole-exchange deadline of connect time-out plus read time-out, body included (the JDK's own
 *   request time-out ends at the headers, so a body that drips forever would hang a caller); on expiry the
 *   exchange is cancelled and its connection dropped;</li>
 *   <li>at most {@code maxResponseBytes} of body; one byte more drops the connection and fails with
 *   {@link ResponseTooLargeException};</li>
 *   <li>an interrupted caller returns at once, its interrupt flag kept, the exchange cancelled.</li>
 * </ul>
 *
 * <p>JDK 17's client cannot be closed, so it runs on an executor owned here: {@link #close()} shuts that
 * executor down (its threads end), drops the only reference to the client (its selector thread and pooled
 * connections end once it is collected) and, on a JDK whose client is {@link AutoCloseable}, closes it at
 * once. The provider registers it with {@code ProviderPorts.Builder.onClose}. Calls after close fail.
 */
public final class VendorHttpClient implements Client, AutoCloseable {
    /** The default maximum response size: far above any page the vendors document, far below a heap. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 16L * 1024 * 1024;
    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> CLIENT_HEADERS = Set.of("content-length", "host", "connection", "expect",
            "upgrade");

    private final ExecutorService executor;
    private final Duration connectTimeout;
    private final long maxResponseBytes;
    private volatile HttpClient http;

    private VendorHttpClient(ExecutorService executor, HttpClient http, Duration connectTimeout,
                             long maxResponseBytes) {
        this.executor = executor;
        this.http = http;
        this.connectTimeout = connectTimeout;
        this.maxResponseBytes = maxResponseBytes;
    }

    /** {@link #open(URI, Duration, String, long)} with {@link #DEFAULT_MAX_RESPONSE_BYTES}. */
    public static VendorHttpClient open(URI endpoint, Duration connectTimeout, String threadName) {
        return open(endpoint, connectTimeout, threadName, DEFAULT_MAX_RESPONSE_BYTES);
    }

    /**
     * A client for {@code endpoint}: never follows redirects (a redirect could carry credentials elsewhere),
     * speaks HTTP/1.1 on plain http (loopback sandboxes; no h2c upgrade), connects within {@code connectTimeout},
     * reads at most {@code maxResponseBytes} of any answer.
     *
     * @param threadName prefix of its threads' names, e.g. the provider id
     */
    public static VendorHttpClient open(URI endpoint, Duration connectTimeout, String threadName,
                                        long maxResponseBytes) {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (maxResponseBytes < 1) {
            throw new IllegalArgumentException("maxResponseBytes must be positive, not " + maxResponseBytes);
        }
        ExecutorService executor = Executors.newCachedThreadPool(daemonThreads(threadName + "-http-"));
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).executor(executor);
        if ("http".equals(String.valueOf(endpoint.getScheme()).toLowerCase(Locale.ROOT))) {
            b.version(HttpClient.Version.HTTP_1_1);
        }
        return new VendorHttpClient(executor, b.build(), connectTimeout, maxResponseBytes);
    }

    /** The most bytes of an answer this client reads. */
    public long maxResponseBytes() {
        return maxResponseBytes;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        HttpClient client = http;
        if (client == null) {
            throw new IllegalStateException("this provider instance is closed");
        }
        Duration read = Duration.ofMillis(options.readTimeoutUnit().toMillis(options.readTimeout()));
        Duration budget = connectTimeout.plus(read);
        HttpRequest jdkRequest = toJdk(request, read);
        AtomicReference<CappedBody> body = new AtomicReference<>();
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(jdkRequest,
                CappedBody.handler(maxResponseBytes, body));
        HttpResponse<byte[]> answer;
        try {
            answer = exchange.get(budget.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            abandon(exchange, body);
            throw new HttpTimeoutException("no complete answer within " + budget.toMillis() + " ms");
        } catch (InterruptedException e) {
            abandon(exchange, body);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the answer");
        } catch (ExecutionException e) {
            abandon(exchange, body);
            throw failure(request.httpMethod().name(), e.getCause());
        }
        return Response.builder()
                .status(answer.statusCode())
                .reason("")
                .headers(headers(answer))
                .request(request)
                .protocolVersion(answer.version() == HttpClient.Version.HTTP_2 ? Request.ProtocolVersion.HTTP_2
                        : Request.ProtocolVersion.HTTP_1_1)
                .body(answer.body())
                .build();
    }

    private static void abandon(CompletableFuture<?> exchange, AtomicReference<CappedBody> body) {
        exchange.cancel(true); // JDK 16+: cancels the exchange
        CappedBody b = body.get();
        if (b != null) {
            b.abort(); // and drops a connection still delivering the body
        }
    }

    private static IOException failure(String method, Throwable cause) {
        if (cause instanceof ResponseTooLargeException tooLarge) {
            return tooLarge;
        }
        if (TransportRetriedException.retriedByTransport(method, cause)) {
            return new TransportRetriedException(cause instanceof IOException io ? io : new IOException(cause));
        }
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof IllegalArgumentException) {
            return new RequestNotSentException("the HTTP client refused the request");
        }
        return new IOException(cause == null ? "unknown failure" : cause.getClass().getSimpleName(), cause);
    }

    private static HttpRequest toJdk(Request request, Duration readTimeout) throws RequestNotSentException {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(request.url())).timeout(readTimeout);
            for (Map.Entry<String, Collection<String>> h : request.headers().entrySet()) {
                if (CLIENT_HEADERS.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                    continue;
                }
                for (String value : h.getValue()) {
                    b.header(h.getKey(), value);
                }
            }
            byte[] body = request.body();
            HttpRequest.BodyPublisher publisher = body == null || body.length == 0
                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body);
            return b.method(request.httpMethod().name(), publisher).build();
        } catch (IllegalArgumentException e) {
            // the JDK's message quotes the URL or header value: signatures, tokens
            throw new RequestNotSentException("the request to " + request.httpMethod() + " "
                    + pathOf(request.url()) + " could not be built (an invalid address or header value)");
        }
    }

    /** The path of a URL without its query (which may carry signatures), for messages. */
    static String pathOf(String url) {
        int q = url.indexOf('?');
        String noQuery = q < 0 ? url : url.substring(0, q);
        int scheme = noQuery.indexOf("://");
        int slash = scheme < 0 ? -1 : noQuery.indexOf('/', scheme + 3);
        return slash < 0 ? "/" : noQuery.substring(slash);
    }

    private static Map<String, Collection<String>> headers(HttpResponse<?> answer) {
        Map<String, Collection<String>> out = new LinkedHashMap<>();
        answer.headers().map().forEach((k, v) -> {
            if (!k.startsWith(":")) { // HTTP/2 pseudo-headers
                out.put(k, List.copyOf(v));
            }
        });
        return out;
    }

    /** Whether {@link #close()} has run and the executor's threads have been told to end. */
    public boolean isClosed() {
        return http == null && executor.isShutdown();
    }

    @Override
    public void close() {
        HttpClient client = http;
        http = null;
        executor.shutdownNow();
        if (client instanceof AutoCloseable closeable) { // JDK 21+: frees the selector and connections now
            try {
                closeable.close();
            } catch (Exception ignored) {
                // closing is best effort; the client is unreachable from here on either way
            }
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        Objects.requireNonNull(prefix, "threadName");
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, prefix + count.incrementAndGet());
            t.setDaemon(true); // never keeps an application alive that forgot to close its service
            return t;
        };
    }
}
