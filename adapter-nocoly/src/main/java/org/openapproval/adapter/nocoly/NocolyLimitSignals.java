package org.openapproval.adapter.nocoly;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.openapproval.adapter.support.LimitSignals;
import org.openapproval.core.domain.ApprovalException;
import org.openapproval.core.domain.RateLimitedException;

/**
 * HAP's limits as its answers tell them. HAP publishes no numbers and no reset time: 51 (request throttled),
 * 90000 (request count exceeds limit), 90001 and HTTP 429 all arrive as {@link RateLimitedException}, and each
 * holds every node off by its Retry-After, or, when HAP sends none (its envelopes never do), by the configured
 * {@code rate-limit-hold-off}. No answer is remembered as a used-up quota: without a reset time, refusing
 * until one would be a guess.
 */
final class NocolyLimitSignals implements LimitSignals {
    private final Duration defaultHoldOff;

    NocolyLimitSignals(Duration defaultHoldOff) {
        this.defaultHoldOff = Objects.requireNonNull(defaultHoldOff, "defaultHoldOff");
    }

    @Override
    public Optional<Instant> quotaResetsAt(ApprovalException failure, Instant now) {
        return Optional.empty();
    }

    @Override
    public Optional<Duration> holdOffAfter(ApprovalException failure) {
        if (!(failure instanceof RateLimitedException limited)) {
            return Optional.empty();
        }
        return limited.retryAfter().or(() -> defaultHoldOff.isZero() ? Optional.empty() : Optional.of(defaultHoldOff));
    }
}
