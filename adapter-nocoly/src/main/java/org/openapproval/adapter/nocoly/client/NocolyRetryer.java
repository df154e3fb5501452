package org.openapproval.adapter.nocoly.client;

import feign.RetryableException;
import feign.Retryer;
import java.time.Duration;
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
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Sleeper sleeper;
    private final LongSupplier random;
    private int attempt = 1;

    public NocolyRetryer(boolean retryTransientFailures, int maxAttempts, Duration initialBackoff, Duration maxBackoff,
                          Sleeper sleeper, LongSupplier random) {
        this.retryTransientFailures = retryTransientFailures;
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
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
        if (!retryTransientFailures || attempt >= maxAttempts) {
            throw e;
        }
        Duration pause = e.retryAfter() != null ? Duration.ofMillis(Math.max(0, e.retryAfter())) : backoff(attempt);
        if (pause.compareTo(maxBackoff) > 0) {
            throw e; // the vendor asks for a longer wait than we block a thread for: the caller gets retryAfter
        }
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
        long ceiling = initialBackoff.toMillis() << Math.min(failedAttempt - 1, 20);
        ceiling = Math.min(Math.max(ceiling, 0), maxBackoff.toMillis());
        if (ceiling <= 0) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(Math.floorMod(random.getAsLong(), ceiling + 1));
    }

    @Override
    public Retryer clone() {
        return new NocolyRetryer(retryTransientFailures, maxAttempts, initialBackoff, maxBackoff, sleeper, random);
    }
}
