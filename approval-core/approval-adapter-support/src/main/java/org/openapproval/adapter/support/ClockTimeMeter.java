package org.openapproval.adapter.support;

import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/** An injected clock as Bucket4j's time, so budgets follow the provider's (and the tests') clock. */
public record ClockTimeMeter(Clock clock) implements TimeMeter {
    public ClockTimeMeter {
        Objects.requireNonNull(clock, "clock");
    }

    @Override
    public long currentTimeNanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }
}
