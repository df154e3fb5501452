package org.openapproval.core.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One line of a process's history: a decision or a state change, with when and (if known) who. */
public record TimelineEntry(Instant at, Kind kind, String description, Optional<UserRef> actor,
                           Optional<StepId> step) {
    public enum Kind {
        PROCESS_STARTED,
        DECISION,
        STEP_STATE_CHANGED,
        PROCESS_STATE_CHANGED
    }

    public TimelineEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(step, "step");
    }
}
