package org.openapproval.adapter.support;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Collects a response body up to {@code maxBytes} and no further: one byte more cancels the subscription
 * (the JDK client then drops the connection) and fails with {@link ResponseTooLargeException}. A caller whose
 * deadline passes calls {@link #abort()}, which frees the connection however slowly the body drips.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final long maxBytes;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
    /** The body as it arrived, joined once at the end: growing one array would copy it again at every doubling. */
    private final List<byte[]> chunks = new ArrayList<>();
    private long size;
    private volatile boolean aborted;

    CappedBody(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** A handler that refuses a declared Content-Length over the cap before reading any of it. */
    static HttpResponse.BodyHandler<byte[]> handler(long maxBytes, AtomicReference<CappedBody> current) {
        return info -> {
            CappedBody body = new CappedBody(maxBytes);
            current.set(body);
            long declared = info.headers().firstValueAsLong("content-length").orElse(-1);
            if (declared > maxBytes) {
                body.fail(new ResponseTooLargeException(maxBytes));
            }
            return body;
        };
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        if (!subscription.compareAndSet(null, s) || aborted || result.isDone()) {
            s.cancel();
            return;
        }
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer b : items) {
            if (size + b.remaining() > maxBytes) {
                fail(new ResponseTooLargeException(maxBytes));
                return;
            }
            byte[] chunk = new byte[b.remaining()];
            b.get(chunk);
            chunks.add(chunk);
            size += chunk.length;
        }
        Flow.Subscription s = subscription.get();
        if (s != null) {
            s.request(1);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        result.complete(joined());
    }

    private byte[] joined() {
        if (chunks.size() == 1) {
            return chunks.get(0);
        }
        byte[] body = new byte[(int) size]; // at most maxBytes, checked per chunk
        int at = 0;
        for (byte[] chunk : chunks) {
            System.arraycopy(chunk, 0, body, at, chunk.length);
            at += chunk.length;
        }
        return body;
    }

    /** Stops reading: the connection is dropped and the body's future fails. Safe from any thread, repeatedly. */
    void abort() {
        aborted = true;
        fail(new java.io.IOException("the answer was abandoned"));
    }

    private void fail(Throwable failure) {
        result.completeExceptionally(failure);
        Flow.Subscription s = subscription.get();
        if (s != null) {
            s.cancel();
        }
    }
}
