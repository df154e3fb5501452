package org.openapproval.core.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a process's history: a decision or a state change, with when and who, each if known.
 * {@code time} is empty when the source did not say (typically a decision read from a vendor that gives
 * no time); see {@link ApprovalProcess#timeline()} for where such entries go.
 */
public record TimelineEntry(Optional<Instant> time, Kind kind, String description, Optional<UserRef> actor,
                            Optional<StepId> step) {
    public enum Kind {
        PROCESS_STARTED,
        DECISION,
        STEP_STATE_CHANGED,
        PROCESS_STATE_CHANGED
    }

    public TimelineEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(step, "step");
    }

    /** An entry whose time is known. */
    public TimelineEntry(Instant at, Kind kind, String description, Optional<UserRef> actor, Optional<StepId> step) {
        this(Optional.of(Objects.requireNonNull(at, "at")), kind, description, actor, step);
    }

    /**
     * When it happened.
     *
     * @throws IllegalStateException if that is unknown; {@link #time()} never throws
     * @deprecated an entry read from a vendor may have no time; use {@link #time()}
     */
    @Deprecated
    public Instant at() {
        return time.orElseThrow(() -> new IllegalStateException("the time of '" + description + "' is unknown"));
    }
}
