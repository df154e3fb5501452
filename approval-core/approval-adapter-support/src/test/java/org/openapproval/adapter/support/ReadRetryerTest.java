package org.openapproval.adapter.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import feign.Request;
import feign.Response;
import feign.RetryableException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openapproval.core.domain.ApprovalException;
import org.openapproval.core.domain.ErrorContext;
import org.openapproval.core.domain.RateLimitedException;
import org.openapproval.core.domain.VendorUnavailableException;

class ReadRetryerTest {
    static final Request REQUEST = Request.create(Request.HttpMethod.POST, "http://127.0.0.1/x", Map.of(),
            new byte[0], StandardCharsets.UTF_8, null);
    private static final ErrorContext CONTEXT = ErrorContext.provider("test");
    private final List<Duration> pauses = new ArrayList<>();

    private static RetryableException failure(String code, Long retryAfterMillis) {
        ApprovalException cause = new VendorUnavailableException("busy", CONTEXT.withVendorCode(code), null);
        return new RetryableException(503, "x", Request.HttpMethod.POST, cause, retryAfterMillis, REQUEST);
    }

    private ReadRetryer reads(int attempts, long random) {
        return ReadRetryer.reads(new RetryPolicy(attempts, Duration.ofMillis(100), Duration.ofMillis(400)),
                pauses::add, () -> random);
    }

    @Test
    void writesAreNeverRepeated() {
        RetryableException busy = failure("busy", null);
        assertSame(busy, assertThrows(RetryableException.class, () -> ReadRetryer.writes().continueOrPropagate(busy)));
    }

    @Test
    void readsBackOffExponentiallyWithFullJitterUpToTheCapAndTheAttemptLimit() {
        ReadRetryer r = reads(4, Long.MAX_VALUE - 1);
        r.continueOrPropagate(failure("1", null));
        r.continueOrPropagate(failure("2", null));
        r.continueOrPropagate(failure("3", null));
        assertThrows(RetryableException.class, () -> r.continueOrPropagate(failure("4", null)));
        assertEquals(3, pauses.size(), "4 attempts = 3 pauses");
        for (int i = 0; i < pauses.size(); i++) {
            long ceiling = Math.min(400, 100L << i);
            assertTrue(pauses.get(i).toMillis() <= ceiling, pauses + " exceeds " + ceiling);
        }
    }

    @Test
    void jitterSpreadsPausesBetweenZeroAndTheCeiling() {
        ReadRetryer zero = reads(5, 0);
        zero.continueOrPropagate(failure("1", null));
        assertEquals(List.of(Duration.ZERO), pauses);
        pauses.clear();
        ReadRetryer top = reads(5, 200);
        top.continueOrPropagate(failure("1", null));
        top.continueOrPropagate(failure("2", null));
        assertEquals(List.of(Duration.ofMillis(99), Duration.ofMillis(200)), pauses,
                "ceilings 100ms then 200ms: the random 200 reduced modulo ceiling + 1");
    }

    @Test
    void theVendorsRetryAfterIsHonouredUpToTheCap() {
        ReadRetryer r = reads(3, 0);
        r.continueOrPropagate(failure("throttled", 300L));
        assertEquals(List.of(Duration.ofMillis(300)), pauses);
    }

    @Test
    void aRetryAfterBeyondTheCapIsHandedToTheCallerInsteadOfBlocking() {
        RetryableException longWait = failure("throttled", 3_600_000L);
        assertSame(longWait, assertThrows(RetryableException.class, () -> reads(3, 0).continueOrPropagate(longWait)));
        assertEquals(List.of(), pauses);
    }

    @Test
    void eachCallGetsAFreshRetryer() {
        ReadRetryer r = reads(2, 0);
        r.continueOrPropagate(failure("1", null));
        assertThrows(RetryableException.class, () -> r.continueOrPropagate(failure("2", null)));
        r.clone().continueOrPropagate(failure("1", null)); // the clone starts counting again
    }

    @Test
    void aRefusalIsReplayedOnceAtOnceEvenForWrites() {
        ReadRetryer writes = ReadRetryer.writes().replayingOnce(e -> e.getMessage().equals("refused"));
        RetryableException refused = new RetryableException(200, "refused", Request.HttpMethod.POST, (Throwable) null,
                (Long) null, REQUEST);
        writes.continueOrPropagate(refused);
        assertSame(refused, assertThrows(RetryableException.class, () -> writes.continueOrPropagate(refused)));
        RetryableException busy = failure("busy", null);
        assertSame(busy, assertThrows(RetryableException.class,
                () -> ReadRetryer.writes().replayingOnce(e -> false).continueOrPropagate(busy)));
    }

    @Test
    void aReplayDoesNotUseUpAReadsAttempts() {
        ReadRetryer r = reads(2, 0).replayingOnce(e -> e.getMessage().equals("refused"));
        r.continueOrPropagate(new RetryableException(200, "refused", Request.HttpMethod.POST, (Throwable) null,
                (Long) null, REQUEST));
        r.continueOrPropagate(failure("1", null));
        assertEquals(List.of(Duration.ZERO), pauses, "one pause: the replay is immediate");
    }

    @Test
    void anInterruptedPauseGivesUpAndKeepsTheInterrupt() {
        ReadRetryer r = ReadRetryer.reads(new RetryPolicy(3, Duration.ofMillis(100), Duration.ofMillis(400)),
                pause -> {
                    throw new InterruptedException();
                }, () -> 0L);
        RetryableException busy = failure("busy", null);
        assertSame(busy, assertThrows(RetryableException.class, () -> r.continueOrPropagate(busy)));
        assertTrue(Thread.interrupted(), "interrupt flag restored (and cleared here)");
    }

    @Test
    void aFailureIsHandedToTheRetryerWithItsRetryAfter() {
        Response response = Response.builder().status(429).request(REQUEST).headers(Map.of()).build();
        RateLimitedException throttled = new RateLimitedException("slow down", CONTEXT,
                Optional.of(Duration.ofSeconds(2)), null);
        RetryableException signal = ReadRetryer.retryable(response, throttled);
        assertSame(throttled, signal.getCause());
        assertEquals(2000L, signal.retryAfter());
        assertEquals(429, signal.status());
        RetryableException plain = ReadRetryer.retryable(response, new VendorUnavailableException("down", CONTEXT,
                null));
        assertNull(plain.retryAfter());
        assertInstanceOf(VendorUnavailableException.class, plain.getCause());
    }
}
