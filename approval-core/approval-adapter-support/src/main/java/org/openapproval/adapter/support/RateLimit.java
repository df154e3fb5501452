package org.openapproval.adapter.support;

import java.time.Duration;
import java.util.Objects;

/**
 * How many calls a vendor allows per period to one app or tenant, summed over every node sharing the budget,
 * and how long a caller may wait for its turn before it is refused locally.
 *
 * @param calls   calls allowed per {@code period}; 0 means no client-side limit (the vendor's answers still count)
 * @param period  the window the vendor counts in
 * @param maxWait the longest a call waits for a permit or a vendor's hold-off before it is refused
 */
public record RateLimit(long calls, Duration period, Duration maxWait) {
    public RateLimit {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(maxWait, "maxWait");
        if (calls < 0) {
            throw new IllegalArgumentException("calls must not be negative, not " + calls);
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive");
        }
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must not be negative");
        }
    }

    /** No client-side limit: only a vendor's own hold-off (Retry-After) makes callers wait. */
    public static RateLimit unlimited(Duration maxWait) {
        return new RateLimit(0, Duration.ofSeconds(1), maxWait);
    }

    public static RateLimit perSecond(long calls, Duration maxWait) {
        return new RateLimit(calls, Duration.ofSeconds(1), maxWait);
    }

    public boolean isUnlimited() {
        return calls == 0;
    }
}
