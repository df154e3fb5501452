package org.openapproval.adapter.fxiaoke.client;

import org.openapproval.tck.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openapproval.core.domain.AuthenticationException;
import org.openapproval.core.domain.ErrorContext;

class TokenCacheTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
    private final AtomicInteger fetches = new AtomicInteger();

    private AccessToken issue(long expiresInSeconds) {
        int n = fetches.incrementAndGet();
        return new AccessToken("token-" + n, "ea-1", clock.instant(), clock.instant().plusSeconds(expiresInSeconds));
    }

    @Test
    void manyConcurrentFirstCallsCauseOneTokenRequest() throws Exception {
        CountDownLatch fetching = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TokenCache cache = new TokenCache(() -> {
            fetching.countDown();
            try {
                release.await(10, TimeUnit.SECONDS); // hold the fetch until every caller is queued behind it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return issue(7200);
        }, clock);
        int callers = 16;
        CyclicBarrier start = new CyclicBarrier(callers);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<Future<AccessToken>> results = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return cache.get();
            }));
        }
        fetching.await(10, TimeUnit.SECONDS);
        release.countDown();
        for (Future<AccessToken> f : results) {
            assertEquals("token-1", f.get(10, TimeUnit.SECONDS).value());
        }
        pool.shutdown();
        assertEquals(1, fetches.get());
    }

    @Test
    void aTokenIsReusedUntilTheVendorsRenewalPointThenRenewed() {
        TokenCache cache = new TokenCache(() -> issue(7200), clock);
        AccessToken first = cache.get();
        clock.advance(Duration.ofSeconds(6599));
        assertSame(first, cache.get());
        clock.advance(Duration.ofSeconds(1));
        assertEquals("token-2", cache.get().value(), "renewed once held 6600 s");
        assertEquals(2, fetches.get());
    }

    @Test
    void aTokenWithLittleLifeLeftIsRenewedBeforeItExpires() {
        TokenCache cache = new TokenCache(() -> issue(600), clock); // received mid-life: 600 s remaining
        cache.get();
        clock.advance(Duration.ofSeconds(600).minus(TokenCache.SAFETY_MARGIN));
        assertEquals("token-2", cache.get().value());
    }

    @Test
    void invalidatingTheRefusedTokenForcesARefreshButANewerTokenIsKept() {
        TokenCache cache = new TokenCache(() -> issue(7200), clock);
        AccessToken first = cache.get();
        cache.invalidate(first.value());
        AccessToken second = cache.get();
        assertNotEquals(first.value(), second.value());
        cache.invalidate(first.value()); // a late 20016 for the old token
        assertSame(second, cache.get());
        assertEquals(2, fetches.get());
    }

    @Test
    void aFailedFetchIsRaisedAndTheNextCallTriesAgain() {
        AtomicInteger calls = new AtomicInteger();
        TokenCache cache = new TokenCache(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new AuthenticationException("bad secret", ErrorContext.provider("fxiaoke").withVendorCode("20006"),
                        null);
            }
            return issue(7200);
        }, clock);
        assertThrows(AuthenticationException.class, cache::get);
        assertEquals("token-1", cache.get().value());
    }

    @Test
    void tokensNeverPrintTheirValue() {
        assertEquals(false, issue(10).toString().contains("token-"));
    }

    @Test
    void callersQueuedBehindAFailedFetchShareItsFailureInsteadOfEachCallingTheVendor() throws Exception {
        CountDownLatch fetching = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        TokenCache cache = new TokenCache(() -> {
            calls.incrementAndGet();
            fetching.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new AuthenticationException("wrong secret", ErrorContext.provider("fxiaoke").withVendorCode("20006"),
                    null);
        }, clock);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<AccessToken>> results = new ArrayList<>();
        results.add(pool.submit(cache::get));
        fetching.await(10, TimeUnit.SECONDS); // the first caller is inside the fetch, holding the lock
        for (int i = 0; i < 5; i++) {
            results.add(pool.submit(cache::get));
        }
        while (cache.waitingCallers() < 5) {
            Thread.onSpinWait(); // the five later callers have read the fetch count and queue for the lock
        }
        release.countDown();
        for (Future<AccessToken> f : results) {
            java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> f.get(10, TimeUnit.SECONDS));
            assertEquals(AuthenticationException.class, e.getCause().getClass());
        }
        pool.shutdown();
        assertEquals(1, calls.get(), "one token request for six callers");
    }
}
