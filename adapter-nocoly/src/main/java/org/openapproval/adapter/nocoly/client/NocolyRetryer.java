package org.openapproval.adapter.nocoly.client;

import feign.RetryableException;
import feign.Retryer;
import org.openapproval.adapter.support.RetryPolicy;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Decides whether a failed attempt is repeated: only for reads, with capped exponential backoff and full
 * jitter (or the vendor's Retry-After), up to a maximum number of attempts; writes never. HAP's static
 * sign cannot expire, so unlike Fxiaoke there is no token replay. One instance per call: Feign clones it.
 */
public final class NocolyRetryer implements Retryer {
    /** Pauses the calling thread; a test supplies one that records instead of sleeping. */
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final boolean retryTransientFailures;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final LongSupplier random;
    private int attempt = 1;

    public NocolyRetryer(boolean retryTransientFailures, int maxAttempts, Duration initialBackoff, Duration maxBackoff,
                          Sleeper sleeper, LongSupplier random) {
        this.retryTransientFailures = retryTransientFailures;
        this.policy = new RetryPolicy(maxAttempts, initialBackoff, maxBackoff);
        this.sleeper = sleeper;
        this.random = random;
    }

    public static NocolyRetryer forReads(int maxAttempts, Duration initial, Duration max) {
        return new NocolyRetryer(true, maxAttempts, initial, max, d -> Thread.sleep(d.toMillis()),
                () -> java.util.concurrent.ThreadLocalRandom.current().nextLong(Long.MAX_VALUE));
    }

    public static NocolyRetryer forWrites() {
        return new NocolyRetryer(false, 1, Duration.ZERO, Duration.ZERO, d -> { }, () -> 0L);
    }

    @Override
    public void continueOrPropagate(RetryableException e) {
        if (!retryTransientFailures) {
            throw e;
        }
        // a retry-after beyond the cap is handed to the caller (RateLimitedException.retryAfter) rather than slept
        Duration pause = policy.pauseAfter(attempt, Optional.ofNullable(e.retryAfter()).map(Duration::ofMillis), random)
                .orElseThrow(() -> e);
        attempt++;
        try {
            sleeper.sleep(pause);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw e;
        }
    }

    /** Full jitter: a random pause between 0 and min(max, initial * 2^(attempt-1)). */
    Duration backoff(int failedAttempt) {
        return policy.jitter(failedAttempt, random);
    }

    @Override
    public Retryer clone() {
        return new NocolyRetryer(retryTransientFailures, policy.maxAttempts(), policy.initialBackoff(),
                policy.maxBackoff(), sleeper, random);
    }
}
