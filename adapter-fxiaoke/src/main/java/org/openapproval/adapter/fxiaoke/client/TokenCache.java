package org.openapproval.adapter.fxiaoke.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Holds the current token and fetches a new one single-flight: however many threads find it missing or
 * stale, one request goes to the token endpoint (which allows no concurrent calls) and the others wait
 * for its result.
 *
 * <p>Fxiaoke returns the same token for 6600 s and honours it for 7200 s, so a token is renewed once it
 * has been held 6600 s or is within a safety margin of its stated expiry, whichever comes first.
 */
public final class TokenCache {
    static final Duration RENEW_AFTER = Duration.ofSeconds(6600);
    static final Duration SAFETY_MARGIN = Duration.ofSeconds(120);

    private final Supplier<AccessToken> fetcher;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile AccessToken current;
    /** Counts finished fetches, so callers queued behind a failed fetch share its failure instead of retrying. */
    private final java.util.concurrent.atomic.AtomicLong finishedFetches = new java.util.concurrent.atomic.AtomicLong();
    private RuntimeException lastFailure;

    public TokenCache(Supplier<AccessToken> fetcher, Clock clock) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public AccessToken get() {
        AccessToken token = current;
        if (fresh(token)) {
            return token;
        }
        long finishedBefore = finishedFetches.get();
        lock.lock();
        try {
            token = current;
            if (fresh(token)) {
                return token; // another thread renewed it while this one waited
            }
            if (finishedFetches.get() != finishedBefore && lastFailure != null) {
                throw lastFailure; // the fetch this caller waited for failed: one request, one answer for all
            }
            try {
                token = Objects.requireNonNull(fetcher.get(), "token fetcher returned null");
            } catch (RuntimeException e) {
                lastFailure = e;
                throw e;
            } finally {
                finishedFetches.incrementAndGet();
            }
            lastFailure = null;
            current = token;
            return token;
        } finally {
            lock.unlock();
        }
    }

    /** Callers waiting for the token lock; lets tests line callers up without sleeping. */
    int waitingCallers() {
        return lock.getQueueLength();
    }

    /** Forgets the token if it is still the one that was refused (error 20016); a newer one is kept. */
    public void invalidate(String refusedValue) {
        lock.lock();
        try {
            AccessToken token = current;
            if (token != null && token.value().equals(refusedValue)) {
                current = null;
            }
        } finally {
            lock.unlock();
        }
    }

    private boolean fresh(AccessToken token) {
        if (token == null) {
            return false;
        }
        Instant now = clock.instant();
        return now.isBefore(token.receivedAt().plus(RENEW_AFTER)) && now.isBefore(token.expiresAt().minus(SAFETY_MARGIN));
    }
}
