package org.openapproval.core.port.in;

import java.util.Objects;
import java.util.Optional;
import org.openapproval.core.domain.Decision;
import org.openapproval.core.domain.StepId;
import org.openapproval.core.domain.TaskId;
import org.openapproval.core.domain.UserRef;

/**
 * Send the flow back from a task to an earlier step of the same process. The possible targets are
 * {@link ApprovalService#returnTargets(TaskId)}.
 *
 * <pre>{@code
 * approvals.returnTo(ReturnCommand.to(task, target, user, "please attach the quote"));
 * }</pre>
 */
public final class ReturnCommand {
    private final TaskId task;
    private final StepId target;
    private final UserRef actor;
    private final Optional<String> comment;

    private ReturnCommand(TaskId task, StepId target, UserRef actor, Optional<String> comment) {
        this.task = Objects.requireNonNull(task, "task");
        this.target = Objects.requireNonNull(target, "target");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.comment = comment.map(Decision::checkComment);
        if (!task.process().equals(target.process())) {
            throw new IllegalArgumentException("return target " + target + " is a step of another process than task "
                    + task);
        }
    }

    /**
     * A return without a comment.
     *
     * @param task the task whose step sends the flow back
     * @param target the earlier step of the same process to return to
     * @param actor the user who decides; must be an assignee of the task
     * @return the command
     * @throws IllegalArgumentException if the target is a step of another process
     */
    public static ReturnCommand to(TaskId task, StepId target, UserRef actor) {
        return new ReturnCommand(task, target, actor, Optional.empty());
    }

    /**
     * A return with a comment.
     *
     * @param task the task whose step sends the flow back
     * @param target the earlier step of the same process to return to
     * @param actor the user who decides; must be an assignee of the task
     * @param comment non-blank text without control characters; use {@link #to(TaskId, StepId, UserRef)} for none
     * @return the command
     * @throws IllegalArgumentException if the comment is invalid or the target is a step of another process
     */
    public static ReturnCommand to(TaskId task, StepId target, UserRef actor, String comment) {
        return new ReturnCommand(task, target, actor, Optional.of(Commands.requireComment(comment)));
    }

    /** @return the task whose step sends the flow back */
    public TaskId task() {
        return task;
    }

    /** @return the step to return to */
    public StepId target() {
        return target;
    }

    /** @return the user who decides */
    public UserRef actor() {
        return actor;
    }

    /** @return the comment, or empty for none */
    public Optional<String> comment() {
        return comment;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReturnCommand c && c.task.equals(task) && c.target.equals(target) && c.actor.equals(actor)
                && c.comment.equals(comment);
    }

    @Override
    public int hashCode() {
        return Objects.hash(task, target, actor, comment);
    }

    @Override
    public String toString() {
        return "ReturnCommand[task=" + task + ", target=" + target + ", actor=" + actor + ", comment="
                + (comment.isPresent() ? "…" : "none") + "]";
    }
}
