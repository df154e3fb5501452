package org.openapproval.adapter.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

class CappedBodyTest {
    private static final class Subscription implements Flow.Subscription {
        long requested;
        boolean cancelled;

        @Override
        public void request(long n) {
            requested += n;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void chunksAreJoinedInTheOrderTheyArrived() throws Exception {
        CappedBody body = new CappedBody(100);
        Subscription s = new Subscription();
        body.onSubscribe(s);
        body.onNext(List.of(bytes("{\"a\":"), bytes("\"审")));
        body.onNext(List.of(bytes("批\"}")));
        body.onComplete();

        assertArrayEquals("{\"a\":\"审批\"}".getBytes(StandardCharsets.UTF_8),
                body.getBody().toCompletableFuture().get());
        assertEquals(3, s.requested, "one more batch asked for after each");
    }

    @Test
    void oneByteOverTheCapCancelsAndFails() {
        CappedBody body = new CappedBody(5);
        Subscription s = new Subscription();
        body.onSubscribe(s);
        body.onNext(List.of(bytes("abc")));
        body.onNext(List.of(bytes("def")));

        CompletableFuture<byte[]> result = body.getBody().toCompletableFuture();
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, result::get);
        assertInstanceOf(ResponseTooLargeException.class, e.getCause());
        assertTrue(s.cancelled);
    }
}
