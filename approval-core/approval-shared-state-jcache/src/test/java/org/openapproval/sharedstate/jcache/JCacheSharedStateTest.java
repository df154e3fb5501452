package org.openapproval.sharedstate.jcache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.cache.Cache;
import javax.cache.CacheManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openapproval.adapter.support.AccessToken;
import org.openapproval.adapter.support.QuotaExhaustion;
import org.openapproval.adapter.support.QuotaState;
import org.openapproval.adapter.support.RateBudget;
import org.openapproval.adapter.support.RateLimit;
import org.openapproval.adapter.support.TokenKey;
import org.openapproval.adapter.support.TokenStore;
import org.openapproval.core.domain.RateLimitedException;
import org.openapproval.tck.MutableClock;

/**
 * The JCache shared state on one embedded Hazelcast member. Two {@link JCacheSharedState} objects on the same
 * caches stand for two nodes: each has its own in-JVM single flight, so only the cluster joins them.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JCacheSharedStateTest {
    private static final Instant MIDNIGHT = Instant.parse("2026-11-23T16:00:00Z");
    private static HazelcastInstance member;
    private static CacheManager manager;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
    private final String prefix = "t" + UUID.randomUUID() + ".";
    private final TokenKey credentials = TokenKey.of("client-credentials", "https://open.fxiaoke.com",
            "FSAID_app", "app-secret-S3CR3T", "permanent-code-P3RM");
    private final TokenKey tenant = TokenKey.of("fxiaoke-tenant", "https://open.fxiaoke.com", "FSAID_app",
            "permanent-code-P3RM");

    @BeforeAll
    static void start() {
        member = OneMember.start();
        manager = OneMember.cacheManager(member);
    }

    @AfterAll
    static void stop() {
        member.getLifecycleService().terminate();
    }

    private JCacheSharedState node() {
        return JCacheSharedState.on(manager, prefix, Duration.ofSeconds(10), clock);
    }

    private AccessToken token(String value) {
        return new AccessToken(value, "ea-1", clock.instant().plus(Duration.ofHours(1)),
                clock.instant().plus(Duration.ofHours(2)));
    }

    private Supplier<AccessToken> counting(AtomicInteger fetches, String value) {
        return () -> {
            fetches.incrementAndGet();
            return token(value + fetches.get());
        };
    }

    @Test
    void manyFirstCallsOnTwoNodesFetchOneToken() throws Exception {
        AtomicInteger fetches = new AtomicInteger();
        List<TokenStore.Lease> leases = List.of(node().tokens().open(credentials, counting(fetches, "tok-")),
                node().tokens().open(credentials, counting(fetches, "tok-")));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<AccessToken>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                TokenStore.Lease lease = leases.get(i % 2);
                calls.add(pool.submit(() -> {
                    go.await();
                    return lease.get();
                }));
            }
            go.countDown();
            for (Future<AccessToken> call : calls) {
                assertEquals("tok-1", call.get(30, TimeUnit.SECONDS).value());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, fetches.get());
    }

    @Test
    void aRefusedTokenIsForgottenOnlyWhileItIsStillTheStoredOne() {
        AtomicInteger fetches = new AtomicInteger();
        TokenStore.Lease a = node().tokens().open(credentials, counting(fetches, "tok-"));
        TokenStore.Lease b = node().tokens().open(credentials, counting(fetches, "tok-"));
        assertEquals("tok-1", a.get().value());

        b.invalidate("an-older-token");
        assertEquals("tok-1", b.get().value(), "a refusal of another token leaves this one");

        b.invalidate("tok-1");
        assertEquals("tok-2", a.get().value(), "node A fetches anew after node B's refusal");
        a.invalidate("tok-1"); // A's late refusal of the old token keeps the renewed one
        assertEquals("tok-2", b.get().value());
        assertEquals(2, fetches.get());
    }

    @Test
    void aTokenDueForRenewalByThisNodesClockIsNeverUsed() {
        AtomicInteger fetches = new AtomicInteger();
        TokenStore.Lease lease = node().tokens().open(credentials, counting(fetches, "tok-"));
        lease.get();
        clock.advance(Duration.ofHours(1)); // at its refreshAt
        assertEquals("tok-2", lease.get().value());
    }

    @Test
    void aClosedLeaseRefusesAndLeavesTheTokenToTheOtherNodes() {
        AtomicInteger fetches = new AtomicInteger();
        TokenStore.Lease a = node().tokens().open(credentials, counting(fetches, "tok-"));
        a.get();
        a.close();
        assertThrows(IllegalStateException.class, a::get);
        assertEquals("tok-1", node().tokens().open(credentials, counting(fetches, "tok-")).get().value());
        assertEquals(1, fetches.get());
    }

    @Test
    void aFetchLockThatIsNeverReleasedEndsTheWaitWithAClearRetryableError() {
        // a node died holding the lock, on a lock cache the application made without expiry
        manager.createCache(prefix + "token-fetches", new javax.cache.configuration.MutableConfiguration<String,
                String>().setTypes(String.class, String.class)).put(credentials.digest(), "dead-node:1");
        JCacheSharedState waiting = JCacheSharedState.on(manager, prefix, Duration.ofMillis(200), clock);
        AtomicInteger fetches = new AtomicInteger();

        SharedStateUnavailable refused = SharedStateUnavailable.of(assertThrows(
                org.openapproval.adapter.support.SharedStateUnavailableException.class,
                () -> waiting.tokens().open(credentials, counting(fetches, "tok-")).get()));

        assertTrue(refused.message().startsWith("Another node has been fetching the token of TokenKey["),
                refused.message());
        assertTrue(refused.message().contains("longer than PT0.2S"), refused.message());
        assertTrue(refused.retryable());
        assertEquals(0, fetches.get(), "no second fetch beside the other node's");
    }

    @Test
    void oneBudgetForBothNodes() {
        RateBudget a = node().rateBudget(tenant, RateLimit.perSecond(3, Duration.ZERO));
        RateBudget b = node().rateBudget(tenant, RateLimit.perSecond(3, Duration.ZERO));
        a.acquire();
        b.acquire();
        a.acquire();

        RateLimitedException refused = assertThrows(RateLimitedException.class, b::acquire);
        long retryAfter = refused.retryAfter().orElseThrow().toMillis();
        assertTrue(retryAfter >= 333 && retryAfter <= 334, "one permit in a third of a second: " + retryAfter);

        clock.advance(Duration.ofMillis(334));
        b.acquire();
        assertThrows(RateLimitedException.class, a::acquire);
    }

    @Test
    void aHoldOffOnOneNodeStopsTheOtherAndALaterOneIsNotCutShort() {
        RateBudget a = node().rateBudget(tenant, RateLimit.unlimited(Duration.ZERO));
        RateBudget b = node().rateBudget(tenant, RateLimit.unlimited(Duration.ZERO));
        a.holdOff(Duration.ofSeconds(30));
        b.holdOff(Duration.ofSeconds(5));

        RateLimitedException refused = assertThrows(RateLimitedException.class, b::acquire);
        assertEquals(Optional.of(Duration.ofSeconds(30)), refused.retryAfter());

        clock.advance(Duration.ofSeconds(30));
        b.acquire();
        a.acquire();
    }

    @Test
    void aUsedUpQuotaIsSeenByBothNodesUntilItResetsAndTheLaterResetWins() {
        QuotaState a = node().quota(tenant);
        QuotaState b = node().quota(tenant);
        QuotaExhaustion today = new QuotaExhaustion("30002", "daily quota. gone", MIDNIGHT);
        QuotaExhaustion tomorrow = new QuotaExhaustion("30002", "again", MIDNIGHT.plus(Duration.ofDays(1)));
        assertEquals(Optional.empty(), b.current());

        a.exhausted(today);
        assertEquals(Optional.of(today), b.current(), "the message survives the cache's encoding");
        b.exhausted(tomorrow);
        a.exhausted(today);
        assertEquals(Optional.of(tomorrow), a.current());

        clock.set(MIDNIGHT.plus(Duration.ofDays(1)));
        assertEquals(Optional.empty(), b.current());
        assertFalse(manager.getCache(prefix + "quotas", String.class, String.class).containsKey(tenant.digest()),
                "a reset quota is removed from the cluster");
    }

    @Test
    void theCachesKeysAreDigestsAndNoSecretIsStoredInClear() {
        JCacheSharedState node = node();
        AtomicInteger fetches = new AtomicInteger();
        node.tokens().open(credentials, counting(fetches, "tok-")).get();
        RateBudget budget = node.rateBudget(tenant, RateLimit.perSecond(10, Duration.ZERO));
        budget.acquire();
        budget.holdOff(Duration.ofMillis(1));
        node.quota(tenant).exhausted(new QuotaExhaustion("30002", "gone", MIDNIGHT));

        List<String> secrets = List.of("app-secret-S3CR3T", "permanent-code-P3RM", "FSAID_app");
        int keys = 0;
        for (String name : List.of("tokens", "token-fetches", "hold-offs", "quotas", "budgets")) {
            Cache<String, ?> cache = manager.getCache(prefix + name);
            for (Cache.Entry<String, ?> entry : cache) {
                keys++;
                assertTrue(entry.getKey().matches("[0-9a-f]{64}"), name + " key " + entry.getKey());
                String value = entry.getValue() instanceof byte[] bytes ? new String(bytes,
                        java.nio.charset.StandardCharsets.ISO_8859_1) : String.valueOf(entry.getValue());
                for (String secret : secrets) {
                    assertFalse(entry.getKey().contains(secret), name);
                    assertFalse(value.contains(secret), name + " value holds " + secret);
                }
            }
        }
        assertEquals(4, keys, "a token, a budget, a hold-off and a quota state (the fetch lock is released)");
        String stored = (String) manager.getCache(prefix + "tokens").get(credentials.digest());
        assertEquals(token("tok-1"), JCacheTokenStore.decode(stored), "values round-trip as plain strings");
    }

    @Test
    void theSameCachesAreFoundByASecondStateOnTheManager() {
        node();
        Cache<String, String> tokens = manager.getCache(prefix + "tokens", String.class, String.class);
        node();
        assertSame(tokens, manager.getCache(prefix + "tokens", String.class, String.class));
    }

    /** The refusal as a caller sees it. */
    private record SharedStateUnavailable(String message, boolean retryable) {
        static SharedStateUnavailable of(org.openapproval.adapter.support.SharedStateUnavailableException e) {
            return new SharedStateUnavailable(e.getMessage(), e.isRetryable());
        }
    }
}
