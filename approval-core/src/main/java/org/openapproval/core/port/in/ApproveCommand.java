package org.openapproval.core.port.in;

import java.util.Objects;
import java.util.Optional;
import org.openapproval.core.domain.Decision;
import org.openapproval.core.domain.TaskId;
import org.openapproval.core.domain.UserRef;

/** Approve a task as a user. Self-validating: a bad comment fails here, before any I/O. */
public record ApproveCommand(TaskId task, UserRef actor, Optional<String> comment) {
    public ApproveCommand {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(actor, "actor");
        comment = Objects.requireNonNull(comment, "comment").map(Decision::checkComment);
    }

    /** {@code comment} may be null for none. */
    public ApproveCommand(TaskId task, UserRef actor, String comment) {
        this(task, actor, Optional.ofNullable(comment));
    }
}
