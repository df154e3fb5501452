package org.openapproval.adapter.fxiaoke.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import feign.Request;
import feign.RetryableException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openapproval.core.domain.ApprovalException;
import org.openapproval.core.domain.ErrorContext;

class FxiaokeRetryerTest {
    private final List<Duration> pauses = new ArrayList<>();
    private static final Request REQUEST = Request.create(Request.HttpMethod.POST, "http://127.0.0.1/x", Map.of(),
            new byte[0], StandardCharsets.UTF_8, null);

    private static RetryableException failure(String code, Long retryAfterMillis) {
        ApprovalException cause = FxiaokeErrorCodes.toException(Integer.parseInt(code),
                ErrorContext.provider("fxiaoke").withVendorCode(code));
        return new RetryableException(200, "x", Request.HttpMethod.POST, cause, retryAfterMillis, REQUEST);
    }

    private FxiaokeRetryer reads(int attempts) {
        return new FxiaokeRetryer(true, attempts, Duration.ofMillis(100), Duration.ofMillis(400), pauses::add,
                () -> Long.MAX_VALUE - 1);
    }

    @Test
    void aRefusedTokenIsReplayedOnceAtOnceEvenForWrites() {
        FxiaokeRetryer writes = FxiaokeRetryer.forWrites();
        writes.continueOrPropagate(failure("20016", null));
        RetryableException second = failure("20016", null);
        assertSame(second, assertThrows(RetryableException.class, () -> writes.continueOrPropagate(second)));
    }

    @Test
    void writesAreNeverRepeatedForTransientFailures() {
        RetryableException busy = failure("30004", null);
        assertSame(busy, assertThrows(RetryableException.class,
                () -> FxiaokeRetryer.forWrites().continueOrPropagate(busy)));
    }

    @Test
    void readsBackOffExponentiallyWithJitterUpToTheCapAndTheAttemptLimit() {
        FxiaokeRetryer r = reads(4);
        r.continueOrPropagate(failure("-1", null));
        r.continueOrPropagate(failure("50009", null));
        r.continueOrPropagate(failure("14001", null));
        assertThrows(RetryableException.class, () -> r.continueOrPropagate(failure("-1", null)));
        assertEquals(3, pauses.size(), "4 attempts = 3 pauses");
        for (int i = 0; i < pauses.size(); i++) {
            long ceiling = Math.min(400, 100L << i);
            assertTrue(pauses.get(i).toMillis() <= ceiling, pauses + " exceeds " + ceiling);
        }
    }

    @Test
    void jitterSpreadsPausesBetweenZeroAndTheCeiling() {
        FxiaokeRetryer zero = new FxiaokeRetryer(true, 5, Duration.ofMillis(100), Duration.ofSeconds(5), pauses::add,
                () -> 0L);
        assertEquals(Duration.ZERO, zero.backoff(3));
        FxiaokeRetryer top = new FxiaokeRetryer(true, 5, Duration.ofMillis(100), Duration.ofSeconds(5), pauses::add,
                () -> 400L);
        assertEquals(Duration.ofMillis(400), top.backoff(3), "attempt 3: ceiling 100ms * 2^2");
        assertTrue(top.backoff(40).toMillis() <= 5000, "huge attempt counts stay capped without overflow");
    }

    @Test
    void theVendorsRetryAfterIsHonouredUpToTheCap() {
        FxiaokeRetryer r = reads(3);
        r.continueOrPropagate(failure("14001", 300L));
        assertEquals(List.of(Duration.ofMillis(300)), pauses);
    }

    @Test
    void aRetryAfterBeyondTheCapIsHandedToTheCallerInsteadOfBlocking() {
        RetryableException longWait = failure("14001", 3_600_000L);
        assertSame(longWait, assertThrows(RetryableException.class, () -> reads(3).continueOrPropagate(longWait)));
        assertEquals(List.of(), pauses);
    }

    @Test
    void eachCallGetsAFreshRetryer() {
        FxiaokeRetryer r = reads(2);
        r.continueOrPropagate(failure("-1", null));
        assertThrows(RetryableException.class, () -> r.continueOrPropagate(failure("-1", null)));
        FxiaokeRetryer fresh = (FxiaokeRetryer) r.clone();
        fresh.continueOrPropagate(failure("-1", null)); // the clone starts counting again
    }
}
