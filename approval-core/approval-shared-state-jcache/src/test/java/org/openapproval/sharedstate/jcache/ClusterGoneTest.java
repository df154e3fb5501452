package org.openapproval.sharedstate.jcache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.openapproval.adapter.support.AccessToken;
import org.openapproval.adapter.support.QuotaExhaustion;
import org.openapproval.adapter.support.RateLimit;
import org.openapproval.adapter.support.SharedStateConfig;
import org.openapproval.adapter.support.SharedStateUnavailableException;
import org.openapproval.adapter.support.SharedStates;
import org.openapproval.adapter.support.TokenKey;
import org.openapproval.adapter.support.TokenStore;

/** When the cluster cannot answer, every use of the shared state fails fast, clearly, retryably, and sends nothing. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClusterGoneTest {
    private final TokenKey key = TokenKey.of("tenant", "secret");

    @Test
    void aMemberShutDownUnderTheStoreFailsEveryCallWithWhatItWasDoing() {
        HazelcastInstance member = OneMember.start();
        JCacheSharedState state = JCacheSharedState.on(OneMember.cacheManager(member), "gone.",
                Duration.ofSeconds(2), Clock.systemUTC());
        AtomicInteger fetches = new AtomicInteger();
        TokenStore.Lease lease = state.tokens().open(key, () -> {
            fetches.incrementAndGet();
            Instant now = Instant.now();
            return new AccessToken("t", "a", now.plusSeconds(60), now.plusSeconds(120));
        });
        var budget = state.rateBudget(key, RateLimit.perSecond(5, Duration.ofSeconds(2)));
        var quota = state.quota(key);

        member.shutdown();

        unavailable("read a token", lease::get);
        unavailable("read a hold-off", budget::acquire);
        unavailable("extend a hold-off", () -> budget.holdOff(Duration.ofSeconds(1)));
        unavailable("read the quota state", quota::current);
        unavailable("record a used-up quota", () -> quota.exhausted(new QuotaExhaustion("q", "m", Instant.now())));
        assertEquals(0, fetches.get(), "no token of this node's own when the cluster is gone");
    }

    private static void unavailable(String doing, Executable call) {
        SharedStateUnavailableException e = assertThrows(SharedStateUnavailableException.class, call);
        assertTrue(e.getMessage().startsWith("The shared cache did not answer (" + doing + "): "), e.getMessage());
        assertTrue(e.isRetryable());
    }

    @Test
    void anUnknownCachingProviderIsAClearErrorNamingWhatWasLookedFor() {
        SharedStateConfig config = new SharedStateConfig("jcache", "p.", Optional.of("com.example.NoSuchProvider"),
                Optional.empty(), Duration.ofSeconds(1));
        SharedStateUnavailableException e = assertThrows(SharedStateUnavailableException.class,
                () -> SharedStates.open(config, Clock.systemUTC()));
        assertTrue(e.getMessage().startsWith("The shared cache did not answer (find the JCache provider): "),
                e.getMessage());
        assertTrue(e.getMessage().contains("com.example.NoSuchProvider"), e.getMessage());
    }

    @Test
    void theJCacheKindIsFoundOnTheClassPathAndListedBesideInProcess() {
        assertEquals("jcache", new JCacheSharedStateProvider().kind());
        SharedStateConfig unknown = new SharedStateConfig("redis", "p.", Optional.empty(), Optional.empty(),
                Duration.ofSeconds(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SharedStates.open(unknown, Clock.systemUTC()));
        assertEquals("no shared state of kind 'redis' on the class path; known: in-process, jcache", e.getMessage());
    }
}
