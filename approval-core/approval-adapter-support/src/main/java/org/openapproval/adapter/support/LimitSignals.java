package org.openapproval.adapter.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.openapproval.core.domain.ApprovalException;
import org.openapproval.core.domain.RateLimitedException;

/** What a vendor's failure says about its limits, in the adapter's words: which answers mean what. */
public interface LimitSignals {
    /** When the quota that {@code failure} reports used up resets, or empty when it is not such a failure. */
    Optional<Instant> quotaResetsAt(ApprovalException failure, Instant now);

    /** How long everyone sharing the budget should pause after {@code failure}: by default its Retry-After. */
    default Optional<Duration> holdOffAfter(ApprovalException failure) {
        return failure instanceof RateLimitedException limited ? limited.retryAfter() : Optional.empty();
    }
}
