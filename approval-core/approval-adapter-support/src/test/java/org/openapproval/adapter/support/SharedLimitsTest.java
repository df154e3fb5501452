package org.openapproval.adapter.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openapproval.core.domain.ErrorContext;
import org.openapproval.core.domain.InvalidRequestException;
import org.openapproval.core.domain.QuotaExhaustedException;
import org.openapproval.core.domain.RateLimitedException;
import org.openapproval.tck.MutableClock;

class SharedLimitsTest {
    private static final Instant MIDNIGHT = Instant.parse("2026-11-23T16:00:00Z");
    private static final ErrorContext PROVIDER = ErrorContext.provider("acme");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
    private final RecordingBudget budget = new RecordingBudget();
    private final InProcessQuotaState quota = new InProcessQuotaState(clock);
    /** "Q1" is a daily quota reset at MIDNIGHT; throttling holds off by its Retry-After (the default). */
    private final LimitSignals signals = (failure, now) -> failure.vendorCode().filter("Q1"::equals).map(c -> MIDNIGHT);
    private final SharedLimits limits = new SharedLimits(budget, quota, signals, clock, PROVIDER);

    @Test
    void aCallTakesOnePermitFromTheBudget() {
        limits.beforeCall();
        limits.beforeCall();
        assertEquals(2, budget.acquired);
    }

    @Test
    void aUsedUpQuotaIsRefusedLocallyWithTheVendorsCodeAndMessageAndTakesNoPermit() {
        quota.exhausted(new QuotaExhaustion("Q1", "daily quota gone", MIDNIGHT));

        QuotaExhaustedException refused = assertThrows(QuotaExhaustedException.class, limits::beforeCall);

        assertEquals(Optional.of("Q1"), refused.vendorCode());
        assertEquals(Optional.of("daily quota gone"), refused.context().vendorMessage());
        assertEquals(Optional.of("acme"), refused.providerId());
        assertTrue(refused.reason().startsWith("Not sent"), refused.reason());
        assertTrue(refused.reason().contains(MIDNIGHT.toString()), refused.reason());
        assertEquals(0, budget.acquired);

        clock.set(MIDNIGHT);
        limits.beforeCall();
        assertEquals(1, budget.acquired);
    }

    @Test
    void aBudgetRefusalNamesTheProviderAndKeepsItsRetryAfter() {
        budget.refusal = Optional.of(new RateLimitedException("Not sent: the shared call budget is spent",
                ErrorContext.none(), Optional.of(Duration.ofMillis(250)), null));

        RateLimitedException refused = assertThrows(RateLimitedException.class, limits::beforeCall);

        assertEquals(Optional.of("acme"), refused.providerId());
        assertEquals(Optional.of(Duration.ofMillis(250)), refused.retryAfter());
        assertEquals("Not sent: the shared call budget is spent", refused.reason());
    }

    @Test
    void aThrottlingAnswersRetryAfterHoldsTheBudgetOff() {
        limits.observe(new RateLimitedException("throttled", PROVIDER.withVendorCode("HTTP 429"),
                Optional.of(Duration.ofSeconds(7)), null));
        assertEquals(List.of(Duration.ofSeconds(7)), budget.holdOffs);
        assertEquals(Optional.empty(), quota.current(), "throttling is not a used-up quota");
    }

    @Test
    void aThrottlingAnswerWithoutRetryAfterHoldsNothingOffByDefault() {
        limits.observe(new RateLimitedException("throttled", PROVIDER, Optional.empty(), null));
        assertEquals(List.of(), budget.holdOffs);
    }

    @Test
    void aQuotaAnswerIsRecordedWithTheVendorsCodeMessageAndReset() {
        limits.observe(new QuotaExhaustedException("quota", PROVIDER.withVendorCode("Q1").withVendorMessage("gone"),
                null));
        assertEquals(Optional.of(new QuotaExhaustion("Q1", "gone", MIDNIGHT)), quota.current());
    }

    @Test
    void aFailureWrappedForTheRetryerIsSeenThroughItsCause() {
        RateLimitedException limited = new RateLimitedException("throttled", PROVIDER,
                Optional.of(Duration.ofSeconds(2)), null);
        limits.observe(ReadRetryer.retryable(LimitSignalsDecodersTest.answer(200, ""), limited));
        assertEquals(List.of(Duration.ofSeconds(2)), budget.holdOffs);
    }

    @Test
    void otherFailuresChangeNothing() {
        limits.observe(new InvalidRequestException("bad", PROVIDER.withVendorCode("10001"), null));
        limits.observe(new IllegalStateException("not the vendor's"));
        limits.observe(null);
        assertEquals(List.of(), budget.holdOffs);
        assertEquals(Optional.empty(), quota.current());
    }

    @Test
    void aQuotaAnswerWithoutCodeOrMessageIsRecordedWithEmptyOnes() {
        LimitSignals always = (failure, now) -> Optional.of(MIDNIGHT);
        new SharedLimits(budget, quota, always, clock, PROVIDER)
                .observe(new QuotaExhaustedException("quota", ErrorContext.none(), null));
        QuotaExhaustion recorded = quota.current().orElseThrow();
        assertEquals("", recorded.vendorCode());
        assertEquals("", recorded.vendorMessage());
    }

    @Test
    void theInterceptorChecksTheLimitsBeforeEveryRequest() {
        SharedLimitsInterceptor interceptor = new SharedLimitsInterceptor(limits);
        interceptor.apply(new feign.RequestTemplate());
        assertEquals(1, budget.acquired);

        quota.exhausted(new QuotaExhaustion("Q1", "gone", MIDNIGHT));
        assertThrows(QuotaExhaustedException.class, () -> interceptor.apply(new feign.RequestTemplate()));
        assertEquals(1, budget.acquired);
    }

    /** A budget that remembers what it was asked. */
    private static final class RecordingBudget implements RateBudget {
        int acquired;
        final List<Duration> holdOffs = new ArrayList<>();
        Optional<RateLimitedException> refusal = Optional.empty();

        @Override
        public void acquire() {
            if (refusal.isPresent()) {
                throw refusal.get();
            }
            acquired++;
        }

        @Override
        public void holdOff(Duration wait) {
            holdOffs.add(wait);
        }
    }

}
