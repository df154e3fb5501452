package org.openapproval.core.spi;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP server under a vendor sandbox: the JDK's server bound to 127.0.0.1 on a random free port, with
 * daemon threads (several, so a request held by a latency fault does not block the others).
 */
public final class LoopbackHttpServer implements AutoCloseable {
    static {
        // The JDK server writes response headers and body as two packets; with Nagle on, the body waits for
        // the client's delayed ACK (~40 ms per call). The JDK reads this flag once, when its first server
        // starts, so it is set when a sandbox first starts, unless the JVM was started with a choice.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI endpoint;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LoopbackHttpServer(String threadName, HttpHandler handler) {
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
        server.createContext("/", Objects.requireNonNull(handler, "handler"));
        endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Binds 127.0.0.1 on a random free port and starts serving every path with {@code handler}. */
    public static LoopbackHttpServer start(String threadName, HttpHandler handler) {
        LoopbackHttpServer s = new LoopbackHttpServer(threadName, handler);
        s.server.start();
        return s;
    }

    /** {@code http://127.0.0.1:<port>} */
    public URI endpoint() {
        return endpoint;
    }

    /** Stops at once and frees the port. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            executor.shutdownNow();
        }
    }
}
