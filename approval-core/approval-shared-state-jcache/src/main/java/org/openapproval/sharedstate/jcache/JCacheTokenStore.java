package org.openapproval.sharedstate.jcache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import javax.cache.Cache;
import org.openapproval.adapter.support.AccessToken;
import org.openapproval.adapter.support.SharedStateUnavailableException;
import org.openapproval.adapter.support.Sleeper;
import org.openapproval.adapter.support.TokenKey;
import org.openapproval.adapter.support.TokenStore;

/**
 * Tokens in a JCache cache, fetched single-flight across nodes. Within a node, one thread per credentials goes
 * to the cluster and the others wait for it (sharing its failure, as in process). Across nodes, the node that
 * wins {@code putIfAbsent} on the fetch-lock cache fetches; the others poll for its token, bounded by
 * {@code maxWait}. The lock cache expires entries, so a node that dies mid-fetch blocks the others only until
 * then. A token is used only while fresh by this node's clock: never a stale one after a node leaves.
 */
final class JCacheTokenStore implements TokenStore {
    private static final Duration FIRST_PAUSE = Duration.ofMillis(2);
    private static final Duration LONGEST_PAUSE = Duration.ofMillis(50);

    private final Cache<String, String> tokens;
    private final Cache<String, String> fetchLocks;
    private final Clock clock;
    private final Duration maxWait;
    private final Sleeper sleeper;
    private final String node = UUID.randomUUID().toString();
    private final AtomicLong fetchIds = new AtomicLong();
    private final Map<TokenKey, LocalFlight> flights = new ConcurrentHashMap<>();

    JCacheTokenStore(Cache<String, String> tokens, Cache<String, String> fetchLocks, Clock clock, Duration maxWait,
                     Sleeper sleeper) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.fetchLocks = Objects.requireNonNull(fetchLocks, "fetchLocks");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    @Override
    public Lease open(TokenKey key, Supplier<AccessToken> fetcher) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fetcher, "fetcher");
        return new Lease() {
            private volatile boolean closed;

            @Override
            public AccessToken get() {
                if (closed) {
                    throw new IllegalStateException("the token lease of " + key + " is closed");
                }
                return token(key, fetcher);
            }

            @Override
            public void invalidate(String refusedValue) {
                JCacheTokenStore.this.invalidate(key, refusedValue);
            }

            @Override
            public void close() {
                closed = true; // the token stays in the cluster for the other nodes
            }
        };
    }

    private AccessToken token(TokenKey key, Supplier<AccessToken> fetcher) {
        Optional<AccessToken> shared = fresh(key);
        if (shared.isPresent()) {
            return shared.get();
        }
        LocalFlight flight = flights.computeIfAbsent(key, k -> new LocalFlight());
        long finishedBefore = flight.finished.get();
        flight.lock.lock();
        try {
            if (flight.finished.get() != finishedBefore && flight.lastFailure != null) {
                throw flight.lastFailure; // this node's fetch we queued behind failed: one request, one answer
            }
            try {
                AccessToken token = acrossNodes(key, fetcher);
                flight.lastFailure = null;
                return token;
            } catch (RuntimeException e) {
                flight.lastFailure = e;
                throw e;
            } finally {
                flight.finished.incrementAndGet();
            }
        } finally {
            flight.lock.unlock();
        }
    }

    private AccessToken acrossNodes(TokenKey key, Supplier<AccessToken> fetcher) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        Duration pause = FIRST_PAUSE;
        while (true) {
            Optional<AccessToken> shared = fresh(key);
            if (shared.isPresent()) {
                return shared.get();
            }
            String fetchId = node + ":" + fetchIds.incrementAndGet();
            if (CacheCalls.call("lock a token fetch", () -> fetchLocks.putIfAbsent(key.digest(), fetchId))) {
                try {
                    Optional<AccessToken> meanwhile = fresh(key); // another node may have finished just before
                    if (meanwhile.isPresent()) {
                        return meanwhile.get();
                    }
                    AccessToken token = Objects.requireNonNull(fetcher.get(), "token fetcher returned null");
                    CacheCalls.run("store a token", () -> tokens.put(key.digest(), encode(token)));
                    return token;
                } finally {
                    CacheCalls.run("unlock a token fetch", () -> fetchLocks.remove(key.digest(), fetchId));
                }
            }
            if (System.nanoTime() - deadline > 0) {
                throw new SharedStateUnavailableException("Another node has been fetching the token of " + key
                        + " for longer than " + maxWait + "; not fetching one here too, which the vendor's limit on "
                        + "token calls would refuse", null);
            }
            try {
                sleeper.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SharedStateUnavailableException("Interrupted while waiting for another node's token fetch",
                        e);
            }
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
    }

    private Optional<AccessToken> fresh(TokenKey key) {
        String value = CacheCalls.call("read a token", () -> tokens.get(key.digest()));
        if (value == null) {
            return Optional.empty();
        }
        AccessToken token = decode(value);
        return token.isFreshAt(clock.instant()) ? Optional.of(token) : Optional.empty();
    }

    private void invalidate(TokenKey key, String refusedValue) {
        String value = CacheCalls.call("read a token", () -> tokens.get(key.digest()));
        if (value != null && decode(value).value().equals(refusedValue)) {
            // conditional: a newer token another node stored meanwhile is kept
            CacheCalls.run("forget a refused token", () -> tokens.remove(key.digest(), value));
        }
    }

    static String encode(AccessToken token) {
        return Fields.join(token.value(), token.account(), String.valueOf(token.refreshAt().toEpochMilli()),
                String.valueOf(token.expiresAt().toEpochMilli()));
    }

    static AccessToken decode(String value) {
        List<String> f = Fields.split(value);
        return new AccessToken(f.get(0), f.get(1), Instant.ofEpochMilli(Long.parseLong(f.get(2))),
                Instant.ofEpochMilli(Long.parseLong(f.get(3))));
    }

    /** This node's single flight for one key. */
    private static final class LocalFlight {
        final ReentrantLock lock = new ReentrantLock();
        final AtomicLong finished = new AtomicLong();
        RuntimeException lastFailure; // guarded by lock
    }
}
