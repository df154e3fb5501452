package org.openapproval.adapter.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openapproval.tck.MutableClock;

class InProcessQuotaStateTest {
    private static final Instant MIDNIGHT = Instant.parse("2026-11-23T16:00:00Z");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
    private final InProcessQuotaState quota = new InProcessQuotaState(clock);

    @Test
    void nothingIsKnownToBeUsedUpAtFirst() {
        assertEquals(Optional.empty(), quota.current());
    }

    @Test
    void anExhaustionHoldsUntilItsResetAndNotAnInstantLonger() {
        QuotaExhaustion gone = new QuotaExhaustion("30002", "daily quota", MIDNIGHT);
        quota.exhausted(gone);
        assertEquals(Optional.of(gone), quota.current());

        clock.set(MIDNIGHT.minusMillis(1));
        assertEquals(Optional.of(gone), quota.current());
        clock.set(MIDNIGHT);
        assertEquals(Optional.empty(), quota.current());
    }

    @Test
    void theLaterResetWinsWhicheverArrivesFirst() {
        QuotaExhaustion later = new QuotaExhaustion("30002", "later", MIDNIGHT.plus(Duration.ofDays(1)));
        QuotaExhaustion earlier = new QuotaExhaustion("30002", "earlier", MIDNIGHT);
        quota.exhausted(later);
        quota.exhausted(earlier);
        assertEquals(Optional.of(later), quota.current());

        InProcessQuotaState other = new InProcessQuotaState(clock);
        other.exhausted(earlier);
        other.exhausted(later);
        assertEquals(Optional.of(later), other.current());
    }

    @Test
    void anExhaustionAfterAResetIsRecordedAnew() {
        quota.exhausted(new QuotaExhaustion("30002", "today", MIDNIGHT));
        clock.set(MIDNIGHT.plusSeconds(60));
        assertEquals(Optional.empty(), quota.current());

        QuotaExhaustion tomorrow = new QuotaExhaustion("30002", "tomorrow", MIDNIGHT.plus(Duration.ofDays(1)));
        quota.exhausted(tomorrow);
        assertEquals(Optional.of(tomorrow), quota.current());
    }

    @Test
    void anExhaustionNeedsEveryField() {
        assertThrows(NullPointerException.class, () -> quota.exhausted(null));
        assertThrows(NullPointerException.class, () -> new QuotaExhaustion("30002", "m", null));
        assertThrows(NullPointerException.class, () -> new QuotaExhaustion(null, "m", MIDNIGHT));
    }
}
