package org.openapproval.adapter.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openapproval.core.domain.RateLimitedException;
import org.openapproval.tck.MutableClock;

class InProcessSharedStateTest {
    private static final Instant MIDNIGHT = Instant.parse("2026-11-23T16:00:00Z");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
    private final InProcessSharedState state = new InProcessSharedState(clock, new InProcessTokenStore(clock),
            new ClockSleeper(clock));
    private final TokenKey tenantA = TokenKey.of("tenant", "a");
    private final TokenKey tenantB = TokenKey.of("tenant", "b");

    @Test
    void servicesOfOneTenantShareOneBudgetAndTheFirstCallersLimitIsTheTenants() {
        RateBudget first = state.rateBudget(tenantA, RateLimit.perSecond(2, Duration.ZERO));
        RateBudget second = state.rateBudget(tenantA, RateLimit.perSecond(100, Duration.ZERO));
        assertSame(first, second);

        first.acquire();
        second.acquire();
        assertThrows(RateLimitedException.class, second::acquire, "two calls a second, counted together");
    }

    @Test
    void tenantsHaveBudgetsAndHoldOffsOfTheirOwn() {
        RateBudget a = state.rateBudget(tenantA, RateLimit.perSecond(1, Duration.ZERO));
        RateBudget b = state.rateBudget(tenantB, RateLimit.perSecond(1, Duration.ZERO));
        a.acquire();
        b.acquire();
        clock.advance(Duration.ofSeconds(1));

        a.holdOff(Duration.ofMinutes(1));
        assertThrows(RateLimitedException.class, a::acquire);
        b.acquire();
    }

    @Test
    void servicesOfOneTenantShareOneQuotaStateAndOthersDoNot() {
        assertSame(state.quota(tenantA), state.quota(tenantA));
        QuotaExhaustion gone = new QuotaExhaustion("30002", "gone", MIDNIGHT);
        state.quota(tenantA).exhausted(gone);

        assertEquals(Optional.of(gone), state.quota(tenantA).current());
        assertEquals(Optional.empty(), state.quota(tenantB).current());
    }

    @Test
    void theTokenStoreIsTheOneGivenAndTheDefaultOneIsSharedByItsServices() {
        InProcessTokenStore tokens = new InProcessTokenStore(clock);
        assertSame(tokens, new InProcessSharedState(clock, tokens, Sleeper.THREAD).tokens());

        InProcessSharedState own = new InProcessSharedState(clock);
        AtomicInteger fetches = new AtomicInteger();
        AccessToken token = new AccessToken("t", "ea", MIDNIGHT, MIDNIGHT);
        try (TokenStore.Lease one = own.tokens().open(tenantA, () -> {
            fetches.incrementAndGet();
            return token;
        }); TokenStore.Lease two = own.tokens().open(tenantA, () -> {
            fetches.incrementAndGet();
            return token;
        })) {
            assertSame(token, one.get());
            assertSame(token, two.get());
        }
        assertEquals(1, fetches.get());
    }

    @Test
    void closingHoldsNothingBackAndMayBeRepeated() {
        RateBudget budget = state.rateBudget(tenantA, RateLimit.unlimited(Duration.ZERO));
        state.close();
        state.close();
        budget.acquire();
    }
}
