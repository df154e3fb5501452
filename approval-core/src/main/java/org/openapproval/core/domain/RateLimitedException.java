package org.openapproval.core.domain;

import java.time.Duration;
import java.util.Optional;

/** The vendor throttled the call. {@link #retryAfter()} says how long to wait, when the vendor says. */
public class RateLimitedException extends ApprovalException {
    private static final long serialVersionUID = 1L;
    private final Duration retryAfter; // null = not said; Optional is not serializable

    public RateLimitedException(String reason, ErrorContext context, Optional<Duration> retryAfter, Throwable cause) {
        super(reason, context, cause);
        this.retryAfter = retryAfter == null ? null : retryAfter.orElse(null);
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
