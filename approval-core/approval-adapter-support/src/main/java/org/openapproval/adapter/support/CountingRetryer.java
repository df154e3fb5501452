package org.openapproval.adapter.support;

import feign.RetryableException;
import feign.Retryer;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.openapproval.core.domain.AuthenticationException;
import org.openapproval.core.domain.RateLimitedException;
import org.openapproval.core.spi.ApprovalObserver;

/**
 * Counts the repeats the wrapped retryer allows. A repeat after a refused token is a replay with a fresh token
 * (counted as a token fetch), not a retry; writes are repeated only then, so every counted retry is a read's.
 * A repeat after the vendor throttled the call is also a wait on its rate limit.
 */
final class CountingRetryer implements Retryer {
    private final Retryer delegate;
    private final ObservedExchanges exchanges;

    CountingRetryer(Retryer delegate, ObservedExchanges exchanges) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.exchanges = Objects.requireNonNull(exchanges, "exchanges");
    }

    @Override
    public void continueOrPropagate(RetryableException e) {
        delegate.continueOrPropagate(e); // throws when the call is not repeated: nothing to count
        if (e.getCause() instanceof AuthenticationException) {
            return;
        }
        exchanges.count(ApprovalObserver.Event.READ_RETRY, e.request());
        if (e.getCause() instanceof RateLimitedException throttled) {
            // the wait the vendor asked for, zero when it named none (the retryer's own backoff is not seen here)
            Duration asked = Optional.ofNullable(e.retryAfter()).map(Duration::ofMillis)
                    .or(throttled::retryAfter).orElse(Duration.ZERO);
            exchanges.rateLimitWaited(e.request(), asked);
        }
    }

    @Override
    public Retryer clone() {
        return new CountingRetryer(delegate.clone(), exchanges);
    }
}
