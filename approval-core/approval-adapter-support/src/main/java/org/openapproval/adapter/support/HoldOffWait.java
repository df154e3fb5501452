package org.openapproval.adapter.support;

import io.github.bucket4j.ConsumptionProbe;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.openapproval.core.domain.ErrorContext;
import org.openapproval.core.domain.RateLimitedException;

/**
 * The waiting both budgets share: first a vendor's hold-off, then a permit from the bucket (Bucket4j does the
 * arithmetic, local or distributed), each waited for only while the total stays within {@code maxWait};
 * past that the call is refused locally, with the wait it would have needed as its Retry-After.
 */
public final class HoldOffWait {
    /** The instant (epoch millis) before which nobody calls; kept where the budget lives. */
    public interface HoldOffStore {
        long untilMillis();

        void extendTo(long millis);
    }

    private final Duration maxWait;
    private final Clock clock;
    private final Sleeper sleeper;
    private final HoldOffStore holdOff;

    public HoldOffWait(Duration maxWait, Clock clock, Sleeper sleeper, HoldOffStore holdOff) {
        this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.holdOff = Objects.requireNonNull(holdOff, "holdOff");
    }

    public void acquire(Optional<Permits> bucket) {
        // counts what this caller has waited, not the clock's progress: bounded whatever the clock does
        long waited = 0;
        long heldFor = holdOff.untilMillis() - clock.millis();
        if (heldFor > 0) {
            waited = waitFor(heldFor, waited, "the vendor asked every caller to wait");
        }
        if (bucket.isEmpty()) {
            return;
        }
        while (true) {
            ConsumptionProbe probe = bucket.get().tryConsumeAndReturnRemaining(1);
            if (probe.isConsumed()) {
                return;
            }
            long millis = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999) / 1_000_000);
            waited = waitFor(millis, waited, "the shared call budget is spent");
        }
    }

    public void holdOff(Duration wait) {
        if (!wait.isNegative() && !wait.isZero()) {
            holdOff.extendTo(clock.millis() + wait.toMillis());
        }
    }

    private long waitFor(long millis, long waited, String why) {
        if (waited + millis > maxWait.toMillis()) {
            throw new RateLimitedException("Not sent: " + why, ErrorContext.none(),
                    Optional.of(Duration.ofMillis(millis)), null);
        }
        try {
            sleeper.sleep(Duration.ofMillis(millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RateLimitedException("Not sent: interrupted while " + why, ErrorContext.none(),
                    Optional.of(Duration.ofMillis(millis)), e);
        }
        return waited + millis;
    }
}
