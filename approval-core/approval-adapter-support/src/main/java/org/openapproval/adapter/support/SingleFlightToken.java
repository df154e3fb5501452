package org.openapproval.adapter.support;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One token, fetched single-flight: however many threads find it missing or due, one fetch runs (vendors'
 * token endpoints may refuse concurrent calls) and the others wait for its result; if it fails, those
 * already waiting share that failure instead of each calling the vendor again.
 */
final class SingleFlightToken {
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile AccessToken current;
    /** Counts finished fetches, so callers queued behind a failed fetch share its failure. */
    private final AtomicLong finishedFetches = new AtomicLong();
    private RuntimeException lastFailure;

    SingleFlightToken(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    AccessToken get(Supplier<AccessToken> fetcher) {
        AccessToken token = current;
        if (token != null && token.isFreshAt(clock.instant())) {
            return token;
        }
        long finishedBefore = finishedFetches.get();
        lock.lock();
        try {
            token = current;
            if (token != null && token.isFreshAt(clock.instant())) {
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

    /** Forgets the token if it is still the refused one; a newer one is kept. */
    void invalidate(String refusedValue) {
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

    /** Callers waiting for the token lock; lets tests line callers up without sleeping. */
    int waitingCallers() {
        return lock.getQueueLength();
    }
}
