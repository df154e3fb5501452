package org.openapproval.adapter.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.openapproval.tck.MutableClock;

/** The in-process store, the token and the key that name it. */
class TokenStoreTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
    private final InProcessTokenStore store = new InProcessTokenStore(clock);
    private final TokenKey key = TokenKey.of("CLIENT_CREDENTIALS", "https://open.example.com", "app", "secret", "code");
    private final AtomicInteger fetches = new AtomicInteger();

    private Supplier<AccessToken> fetcher(String name) {
        return () -> new AccessToken(name + "-" + fetches.incrementAndGet(), "ea", clock.instant().plusSeconds(60),
                clock.instant().plusSeconds(120));
    }

    @Test
    void leasesOfTheSameKeyShareOneTokenAndTheLastCloseReleasesIt() {
        TokenStore.Lease first = store.open(key, fetcher("a"));
        TokenStore.Lease second = store.open(key, fetcher("b"));
        AccessToken token = first.get();
        assertSame(token, second.get());
        assertEquals(1, fetches.get());
        assertEquals(1, store.size());
        first.close();
        first.close(); // idempotent: does not release the other lease's hold
        assertEquals(1, store.size());
        assertSame(token, second.get());
        second.close();
        assertEquals(0, store.size());
        assertThrows(IllegalStateException.class, second::get);
    }

    @Test
    void eachLeaseFetchesWithItsOwnFetcherSoAClosedServicesClientIsNeverUsed() {
        TokenStore.Lease first = store.open(key, fetcher("a"));
        TokenStore.Lease second = store.open(key, fetcher("b"));
        first.get();
        first.close();
        second.invalidate(second.get().value());
        assertTrue(second.get().value().startsWith("b-"), "fetched through the lease still open");
    }

    @Test
    void aReopenedKeyStartsAfresh() {
        TokenStore.Lease lease = store.open(key, fetcher("a"));
        String before = lease.get().value();
        lease.close();
        assertNotEquals(before, store.open(key, fetcher("a")).get().value());
    }

    @Test
    void differentKeysAndDifferentStoresShareNothing() {
        TokenStore.Lease a = store.open(key, fetcher("a"));
        TokenStore.Lease other = store.open(TokenKey.of("LEGACY", "https://open.example.com", "app", "secret", "code"),
                fetcher("b"));
        TokenStore.Lease elsewhere = new InProcessTokenStore(clock).open(key, fetcher("c"));
        assertNotEquals(a.get().value(), other.get().value());
        assertNotEquals(a.get().value(), elsewhere.get().value());
        assertEquals(3, fetches.get());
        assertEquals(2, store.size());
    }

    @Test
    void keysDigestTheirPartsAndNeverShowThem() {
        assertEquals(key, TokenKey.of("CLIENT_CREDENTIALS", "https://open.example.com", "app", "secret", "code"));
        assertNotEquals(TokenKey.of("ab", "c"), TokenKey.of("a", "bc"), "parts are length-prefixed");
        assertFalse(key.toString().contains("secret"));
        assertFalse(key.digest().contains("secret"));
        assertThrows(IllegalArgumentException.class, () -> new TokenKey("secret"));
    }

    @Test
    void aTokenIsFreshUntilItsRefreshTimeAndNeverPrintsItsValue() {
        Instant now = clock.instant();
        AccessToken token = new AccessToken("v4lue", "ea", now.plusSeconds(10), now.plusSeconds(20));
        assertTrue(token.isFreshAt(now.plusSeconds(9)));
        assertFalse(token.isFreshAt(now.plusSeconds(10)));
        assertFalse(new AccessToken("v", "ea", now.plusSeconds(30), now.plusSeconds(20)).isFreshAt(now.plusSeconds(20)));
        assertFalse(token.toString().contains("v4lue"));
    }
}
