package org.openapproval.adapter.support;

import java.time.Duration;

/** How a caller waits for its turn; tests replace it so nothing sleeps on the wall clock. */
@FunctionalInterface
public interface Sleeper {
    Sleeper THREAD = pause -> Thread.sleep(pause.toMillis(), pause.toNanosPart() % 1_000_000);

    void sleep(Duration pause) throws InterruptedException;
}
