package org.openapproval.core.port.in;

import java.util.Objects;
import java.util.Optional;
import org.openapproval.core.domain.Decision;
import org.openapproval.core.domain.StepId;
import org.openapproval.core.domain.TaskId;
import org.openapproval.core.domain.UserRef;

/** Send the flow back from a task to an earlier step of the same process. */
public record ReturnCommand(TaskId task, StepId target, UserRef actor, Optional<String> comment) {
    public ReturnCommand {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(actor, "actor");
        comment = Objects.requireNonNull(comment, "comment").map(Decision::checkComment);
        if (!task.process().equals(target.process())) {
            throw new IllegalArgumentException("return target " + target + " is a step of another process than task "
                    + task);
        }
    }

    /** {@code comment} may be null for none. */
    public ReturnCommand(TaskId task, StepId target, UserRef actor, String comment) {
        this(task, target, actor, Optional.ofNullable(comment));
    }
}
