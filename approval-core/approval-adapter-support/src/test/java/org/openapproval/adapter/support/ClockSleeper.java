package org.openapproval.adapter.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openapproval.tck.MutableClock;

/** Waits by moving the injected clock on, and remembers every pause: tests never sleep on the wall clock. */
final class ClockSleeper implements Sleeper {
    private final MutableClock clock;
    private final List<Duration> pauses = new ArrayList<>();

    ClockSleeper(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public void sleep(Duration pause) {
        pauses.add(pause);
        clock.advance(pause);
    }

    List<Duration> pauses() {
        return List.copyOf(pauses);
    }

    Duration total() {
        return pauses.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
