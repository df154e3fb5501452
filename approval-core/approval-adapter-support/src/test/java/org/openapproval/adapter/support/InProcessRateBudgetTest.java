package org.openapproval.adapter.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openapproval.core.domain.RateLimitedException;
import org.openapproval.tck.MutableClock;

class InProcessRateBudgetTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
    private final ClockSleeper sleeper = new ClockSleeper(clock);

    @Test
    void unlimitedNeverWaitsHoweverManyCalls() {
        InProcessRateBudget budget = new InProcessRateBudget(RateLimit.unlimited(Duration.ZERO), clock, sleeper);
        for (int i = 0; i < 10_000; i++) {
            budget.acquire();
        }
        assertEquals(List.of(), sleeper.pauses());
    }

    @Test
    void nCallsASecondThenRefusedUntilTheClockMovesOn() {
        InProcessRateBudget budget = new InProcessRateBudget(RateLimit.perSecond(5, Duration.ZERO), clock, sleeper);
        for (int i = 0; i < 5; i++) {
            budget.acquire();
        }
        RateLimitedException refused = assertThrows(RateLimitedException.class, budget::acquire);
        assertEquals(Optional.of(Duration.ofMillis(200)), refused.retryAfter(), "one permit in 1/5 s");

        clock.advance(Duration.ofMillis(200));
        budget.acquire();
        assertThrows(RateLimitedException.class, budget::acquire);
        clock.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 5; i++) {
            budget.acquire();
        }
        assertEquals(List.of(), sleeper.pauses());
    }

    @Test
    void withAWaitACallerWaitsForTheNextPermitInsteadOfBeingRefused() {
        InProcessRateBudget budget = new InProcessRateBudget(RateLimit.perSecond(4, Duration.ofSeconds(1)), clock,
                sleeper);
        for (int i = 0; i < 6; i++) {
            budget.acquire();
        }
        assertEquals(List.of(Duration.ofMillis(250), Duration.ofMillis(250)), sleeper.pauses());
    }

    @Test
    void theVendorsHoldOffStopsEveryCallerEvenWithoutALimit() {
        InProcessRateBudget budget = new InProcessRateBudget(RateLimit.unlimited(Duration.ofSeconds(2)), clock,
                sleeper);
        budget.holdOff(Duration.ofSeconds(5));

        RateLimitedException refused = assertThrows(RateLimitedException.class, budget::acquire);
        assertEquals(Optional.of(Duration.ofSeconds(5)), refused.retryAfter());

        clock.advance(Duration.ofSeconds(4));
        budget.acquire(); // 1 s left: within the 2 s wait
        assertEquals(List.of(Duration.ofSeconds(1)), sleeper.pauses());
    }
}
