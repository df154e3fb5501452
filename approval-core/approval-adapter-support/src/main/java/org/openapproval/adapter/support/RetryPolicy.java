package org.openapproval.adapter.support;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * How a provider repeats a failed read: up to {@code maxAttempts} attempts, pausing a random time between
 * zero and {@code min(maxBackoff, initialBackoff * 2^(attempt-1))} (full jitter), or the vendor's own
 * retry-after when it says one, unless that is longer than {@code maxBackoff}: then the caller decides.
 * Writes are never repeated by a provider; this policy is for reads only.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
            throw new IllegalArgumentException("backoff durations must not be negative");
        }
    }

    /**
     * The pause before the next attempt after {@code failedAttempts} failures, or empty to give up.
     *
     * @param random a source of random longs (any value; it is reduced modulo the ceiling)
     */
    public Optional<Duration> pauseAfter(int failedAttempts, Optional<Duration> retryAfter, LongSupplier random) {
        if (failedAttempts >= maxAttempts) {
            return Optional.empty();
        }
        if (retryAfter.isPresent()) {
            Duration wait = retryAfter.get().isNegative() ? Duration.ZERO : retryAfter.get();
            return wait.compareTo(maxBackoff) > 0 ? Optional.empty() : Optional.of(wait);
        }
        return Optional.of(jitter(failedAttempts, random));
    }

    /** Full jitter: a random pause between 0 and min(max, initial * 2^(failedAttempts-1)). */
    public Duration jitter(int failedAttempts, LongSupplier random) {
        long ceiling = initialBackoff.toMillis() << Math.min(Math.max(failedAttempts - 1, 0), 20);
        ceiling = Math.min(Math.max(ceiling, 0), maxBackoff.toMillis());
        if (ceiling <= 0) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(Math.floorMod(random.getAsLong(), ceiling + 1));
    }
}
