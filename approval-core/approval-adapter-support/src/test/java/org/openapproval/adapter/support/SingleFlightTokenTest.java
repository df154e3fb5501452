package org.openapproval.adapter.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.openapproval.core.domain.AuthenticationException;
import org.openapproval.core.domain.ErrorContext;
import org.openapproval.tck.MutableClock;

class SingleFlightTokenTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
    private final AtomicInteger fetches = new AtomicInteger();
    private final SingleFlightToken token = new SingleFlightToken(clock);

    private AccessToken issue(long refreshInSeconds) {
        int n = fetches.incrementAndGet();
        return new AccessToken("token-" + n, "ea-1", clock.instant().plusSeconds(refreshInSeconds),
                clock.instant().plusSeconds(refreshInSeconds + 600));
    }

    /** A fetch that holds until released, so every caller can queue behind it first. */
    private Supplier<AccessToken> heldFetch(CountDownLatch fetching, CountDownLatch release,
                                            Supplier<AccessToken> result) {
        return () -> {
            fetching.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return result.get();
        };
    }

    @Test
    void aThousandConcurrentFirstCallsCauseOneFetch() throws Exception {
        CountDownLatch fetching = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Supplier<AccessToken> fetch = heldFetch(fetching, release, () -> issue(7200));
        int callers = 1000;
        ExecutorService pool = Executors.newFixedThreadPool(64);
        List<Future<AccessToken>> results = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            results.add(pool.submit(() -> token.get(fetch)));
        }
        fetching.await(10, TimeUnit.SECONDS);
        while (token.waitingCallers() < 63) {
            Thread.onSpinWait(); // the pool's other threads queue behind the one fetching
        }
        release.countDown();
        for (Future<AccessToken> f : results) {
            assertEquals("token-1", f.get(10, TimeUnit.SECONDS).value());
        }
        pool.shutdown();
        assertEquals(1, fetches.get());
    }

    @Test
    void aTokenIsReusedUntilItsRefreshTimeThenRenewed() {
        AccessToken first = token.get(() -> issue(6600));
        clock.advance(Duration.ofSeconds(6599));
        assertSame(first, token.get(() -> issue(6600)));
        clock.advance(Duration.ofSeconds(1));
        assertEquals("token-2", token.get(() -> issue(6600)).value(), "renewed at its refresh time");
        assertEquals(2, fetches.get());
    }

    @Test
    void invalidatingTheRefusedTokenForcesARefreshButANewerTokenIsKept() {
        AccessToken first = token.get(() -> issue(7200));
        token.invalidate(first.value());
        AccessToken second = token.get(() -> issue(7200));
        assertNotEquals(first.value(), second.value());
        token.invalidate(first.value()); // a late refusal of the old token
        assertSame(second, token.get(() -> issue(7200)));
        assertEquals(2, fetches.get());
    }

    @Test
    void aFailedFetchIsRaisedAndTheNextCallTriesAgain() {
        assertThrows(AuthenticationException.class, () -> token.get(() -> {
            throw new AuthenticationException("bad secret", ErrorContext.provider("x").withVendorCode("20006"), null);
        }));
        assertEquals("token-1", token.get(() -> issue(7200)).value());
    }

    @Test
    void tokensNeverPrintTheirValue() {
        assertFalse(issue(10).toString().contains("token-"));
    }

    @Test
    void callersQueuedBehindAFailedFetchShareItsFailureInsteadOfEachCallingTheVendor() throws Exception {
        CountDownLatch fetching = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        Supplier<AccessToken> failing = heldFetch(fetching, release, () -> {
            calls.incrementAndGet();
            throw new AuthenticationException("wrong secret", ErrorContext.provider("x").withVendorCode("20006"), null);
        });
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<AccessToken>> results = new ArrayList<>();
        results.add(pool.submit(() -> token.get(failing)));
        fetching.await(10, TimeUnit.SECONDS); // the first caller is inside the fetch, holding the lock
        for (int i = 0; i < 5; i++) {
            results.add(pool.submit(() -> token.get(failing)));
        }
        while (token.waitingCallers() < 5) {
            Thread.onSpinWait(); // the five later callers have read the fetch count and queue for the lock
        }
        release.countDown();
        for (Future<AccessToken> f : results) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
            assertEquals(AuthenticationException.class, e.getCause().getClass());
        }
        pool.shutdown();
        assertEquals(1, calls.get(), "one token request for six callers");
    }
}
