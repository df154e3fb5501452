package org.openapproval.adapter.support;

import feign.Client;
import feign.Request;
import feign.Response;
import feign.http2client.Http2Client;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one pooled JDK {@link HttpClient} of a provider instance, as Feign's {@link Client}. JDK 17's client
 * cannot be closed, so it runs on an executor owned here: {@link #close()} shuts that executor down (its
 * threads end) and drops the only reference to the client (its selector thread ends once it is collected).
 * The provider registers it with {@code ProviderPorts.Builder.onClose}. Calls after close fail.
 */
public final class VendorHttpClient implements Client, AutoCloseable {
    private final ExecutorService executor;
    private volatile Client delegate;

    private VendorHttpClient(ExecutorService executor, HttpClient http) {
        this.executor = executor;
        this.delegate = new Http2Client(http);
    }

    /**
     * A client for {@code endpoint}: never follows redirects (a redirect could carry credentials elsewhere),
     * speaks HTTP/1.1 on plain http (loopback sandboxes; no h2c upgrade), connects within {@code connectTimeout}.
     *
     * @param threadName prefix of its threads' names, e.g. the provider id
     */
    public static VendorHttpClient open(URI endpoint, Duration connectTimeout, String threadName) {
        ExecutorService executor = Executors.newCachedThreadPool(daemonThreads(threadName + "-http-"));
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).executor(executor);
        if ("http".equals(String.valueOf(endpoint.getScheme()).toLowerCase(Locale.ROOT))) {
            b.version(HttpClient.Version.HTTP_1_1);
        }
        return new VendorHttpClient(executor, b.build());
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        Client client = delegate;
        if (client == null) {
            throw new IllegalStateException("this provider instance is closed");
        }
        return client.execute(request, options);
    }

    /** Whether {@link #close()} has run and the executor's threads have been told to end. */
    public boolean isClosed() {
        return delegate == null && executor.isShutdown();
    }

    @Override
    public void close() {
        delegate = null;
        executor.shutdownNow();
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
