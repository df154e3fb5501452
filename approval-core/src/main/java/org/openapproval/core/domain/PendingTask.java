package org.openapproval.core.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A task awaiting one user's decision, with enough context to show it in an inbox. */
public record PendingTask(TaskId task, DefinitionRef definition, RecordRef record, String stepName, UserRef assignee,
                          Optional<Instant> since) {
    public PendingTask {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(record, "record");
        Identifiers.requireText(stepName, "step name", Identifiers.MAX_SEGMENT_LENGTH, false);
        Objects.requireNonNull(assignee, "assignee");
        Objects.requireNonNull(since, "since");
    }

    public ProcessId process() {
        return task.process();
    }
}
