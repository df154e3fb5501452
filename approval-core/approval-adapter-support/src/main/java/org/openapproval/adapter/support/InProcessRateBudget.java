package org.openapproval.adapter.support;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link RateBudget} in this JVM: a Bucket4j bucket when a limit is configured (none by default, as
 * before budgets existed), and a hold-off instant for the vendor's Retry-After.
 */
final class InProcessRateBudget implements RateBudget {
    private final Optional<Bucket> bucket;
    private final HoldOffWait waiting;

    InProcessRateBudget(RateLimit limit, Clock clock, Sleeper sleeper) {
        Objects.requireNonNull(limit, "limit");
        this.bucket = limit.isUnlimited() ? Optional.empty() : Optional.of(Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.calls()).refillGreedy(limit.calls(), limit.period())
                        .build())
                .withCustomTimePrecision(new ClockTimeMeter(clock))
                .build());
        this.waiting = new HoldOffWait(limit.maxWait(), clock, sleeper, new LocalHoldOff());
    }

    @Override
    public void acquire() {
        waiting.acquire(bucket.map(b -> (Permits) b::tryConsumeAndReturnRemaining));
    }

    @Override
    public void holdOff(Duration wait) {
        waiting.holdOff(wait);
    }

    private static final class LocalHoldOff implements HoldOffWait.HoldOffStore {
        private long untilMillis; // guarded by this

        @Override
        public synchronized long untilMillis() {
            return untilMillis;
        }

        @Override
        public synchronized void extendTo(long millis) {
            untilMillis = Math.max(untilMillis, millis);
        }
    }
}
