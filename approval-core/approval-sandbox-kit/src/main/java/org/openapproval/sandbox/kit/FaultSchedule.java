package org.openapproval.sandbox.kit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;


/**
 * Queued misbehaviour for a sandbox: injected {@link Fault}s and forced vendor error codes, each used up
 * request by request in the order they were queued. Thread-safe. Sandbox authors call {@link #take} once
 * per request (telling whether it is a write) and {@link #takeForced} where the vendor's envelope is built.
 */
public final class FaultSchedule {
    /** A forced answer: the vendor's error envelope with this code and message, nothing applied. */
    public record ForcedError(int code, String message) {
        public ForcedError {
            Objects.requireNonNull(message, "message");
        }
    }

    private static final class Countdown<T> {
        final T value;
        int remaining;

        Countdown(T value, int remaining) {
            this.value = value;
            this.remaining = remaining;
        }
    }

    private final List<Countdown<Fault>> faults = new ArrayList<>();
    private final List<Countdown<ForcedError>> forced = new ArrayList<>();

    public synchronized void inject(Fault fault) {
        faults.add(new Countdown<>(Objects.requireNonNull(fault, "fault"), fault.times()));
    }

    public synchronized void force(int code, String message, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("a forced error must apply to at least one request, not " + times);
        }
        forced.add(new Countdown<>(new ForcedError(code, message == null ? "" : message), times));
    }

    /**
     * The oldest queued fault whose scope covers this request, used up by one; at most one fault acts on
     * a request, so stacked faults play out one after another.
     */
    public synchronized Optional<Fault> take(boolean write) {
        for (Iterator<Countdown<Fault>> it = faults.iterator(); it.hasNext(); ) {
            Countdown<Fault> c = it.next();
            if (c.value.scope() == Fault.Scope.ALL_REQUESTS || write) {
                if (--c.remaining == 0) {
                    it.remove();
                }
                return Optional.of(c.value);
            }
        }
        return Optional.empty();
    }

    public synchronized Optional<ForcedError> takeForced() {
        if (forced.isEmpty()) {
            return Optional.empty();
        }
        Countdown<ForcedError> c = forced.get(0);
        if (--c.remaining == 0) {
            forced.remove(0);
        }
        return Optional.of(c.value);
    }

    public synchronized void clear() {
        faults.clear();
        forced.clear();
    }
}
