package org.openapproval.adapter.fxiaoke.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import feign.Request;
import feign.RetryableException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openapproval.adapter.support.AccessToken;
import org.openapproval.adapter.support.ReadRetryer;
import org.openapproval.adapter.support.RetryPolicy;
import org.openapproval.core.domain.ErrorContext;
import org.openapproval.core.domain.VendorProtocolException;

/** Fxiaoke's own token rules on top of the shared retryer and token store: the 20016 replay and renewal times. */
class TokenRefusalTest {
    private static final Request REQUEST = Request.create(Request.HttpMethod.POST, "http://127.0.0.1/x", Map.of(),
            new byte[0], StandardCharsets.UTF_8, null);
    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    private static RetryableException failure(int code) {
        return new RetryableException(200, "x", Request.HttpMethod.POST, FxiaokeErrorCodes.toException(code,
                ErrorContext.provider("fxiaoke").withVendorCode(String.valueOf(code))), (Long) null, REQUEST);
    }

    @Test
    void onlyError20016IsATokenRefusal() {
        assertTrue(FxiaokeErrorCodes.isTokenRefusal(failure(20016)));
        assertFalse(FxiaokeErrorCodes.isTokenRefusal(failure(20006)));
        assertFalse(FxiaokeErrorCodes.isTokenRefusal(failure(-1)));
    }

    @Test
    void aRefusedTokenIsReplayedOnceEvenForWritesWhichAreOtherwiseNeverRepeated() {
        ReadRetryer writes = ReadRetryer.writes().replayingOnce(FxiaokeErrorCodes::isTokenRefusal);
        writes.continueOrPropagate(failure(20016));
        RetryableException second = failure(20016);
        assertSame(second, assertThrows(RetryableException.class, () -> writes.continueOrPropagate(second)));
        RetryableException busy = failure(30004);
        assertSame(busy, assertThrows(RetryableException.class, () -> ReadRetryer.writes()
                .replayingOnce(FxiaokeErrorCodes::isTokenRefusal).continueOrPropagate(busy)));
    }

    @Test
    void readsReplayARefusedTokenAtOnceAndBackOffOnTransientCodes() {
        List<Duration> pauses = new ArrayList<>();
        ReadRetryer reads = ReadRetryer.reads(new RetryPolicy(2, Duration.ofMillis(100), Duration.ofMillis(400)),
                pauses::add, () -> 0L).replayingOnce(FxiaokeErrorCodes::isTokenRefusal);
        reads.continueOrPropagate(failure(20016));
        reads.continueOrPropagate(failure(14001));
        assertEquals(List.of(Duration.ZERO), pauses);
    }

    @Test
    void aTokenIsRenewedAfter6600SecondsOrBeforeItsExpiryWhicheverComesFirst() {
        AccessToken full = FxiaokeTokenFetcher.token(new FxiaokeTokenFetcher.Issued("t", "ea", 7200L, "f"), NOW);
        assertEquals(NOW.plusSeconds(6600), full.refreshAt());
        assertEquals(NOW.plusSeconds(7200), full.expiresAt());
        AccessToken midLife = FxiaokeTokenFetcher.token(new FxiaokeTokenFetcher.Issued("t", "ea", 600L, "f"), NOW);
        assertEquals(NOW.plusSeconds(600).minus(FxiaokeTokenFetcher.SAFETY_MARGIN), midLife.refreshAt());
    }

    @Test
    void anAnswerWithoutTokenAccountOrLifetimeIsAProtocolError() {
        assertThrows(VendorProtocolException.class, () -> FxiaokeTokenFetcher.token(
                new FxiaokeTokenFetcher.Issued(" ", "ea", 7200L, "accessToken/ea"), NOW));
        assertThrows(VendorProtocolException.class, () -> FxiaokeTokenFetcher.token(
                new FxiaokeTokenFetcher.Issued("t", null, 7200L, "accessToken/ea"), NOW));
        assertThrows(VendorProtocolException.class, () -> FxiaokeTokenFetcher.token(
                new FxiaokeTokenFetcher.Issued("t", "ea", 0L, "accessToken/ea"), NOW));
    }
}
