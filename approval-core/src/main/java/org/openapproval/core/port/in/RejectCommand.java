package org.openapproval.core.port.in;

import java.util.Objects;
import java.util.Optional;
import org.openapproval.core.domain.Decision;
import org.openapproval.core.domain.TaskId;
import org.openapproval.core.domain.UserRef;

/** Reject a task (and with it the process) as a user. */
public record RejectCommand(TaskId task, UserRef actor, Optional<String> comment) {
    public RejectCommand {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(actor, "actor");
        comment = Objects.requireNonNull(comment, "comment").map(Decision::checkComment);
    }

    /** {@code comment} may be null for none. */
    public RejectCommand(TaskId task, UserRef actor, String comment) {
        this(task, actor, Optional.ofNullable(comment));
    }
}
