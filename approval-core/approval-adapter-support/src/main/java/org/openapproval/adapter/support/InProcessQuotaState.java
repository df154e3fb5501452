package org.openapproval.adapter.support;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/** A {@link QuotaState} in this JVM. */
final class InProcessQuotaState implements QuotaState {
    private final Clock clock;
    private QuotaExhaustion exhaustion; // guarded by this

    InProcessQuotaState(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized Optional<QuotaExhaustion> current() {
        if (exhaustion != null && !clock.instant().isBefore(exhaustion.resetsAt())) {
            exhaustion = null;
        }
        return Optional.ofNullable(exhaustion);
    }

    @Override
    public synchronized void exhausted(QuotaExhaustion latest) {
        Objects.requireNonNull(latest, "latest");
        if (exhaustion == null || latest.resetsAt().isAfter(exhaustion.resetsAt())) {
            exhaustion = latest;
        }
    }
}
