package org.openapproval.core.port.in;

import java.util.Objects;
import java.util.Optional;
import org.openapproval.core.domain.Decision;
import org.openapproval.core.domain.TaskId;
import org.openapproval.core.domain.UserRef;

/**
 * Approve a task as a user. Self-validating: a bad comment fails here, before any I/O.
 *
 * <pre>{@code
 * approvals.approve(ApproveCommand.of(task, user));                  // no comment
 * approvals.approve(ApproveCommand.of(task, user, "budget checked")); // with a comment
 * }</pre>
 */
public final class ApproveCommand {
    private final TaskId task;
    private final UserRef actor;
    private final Optional<String> comment;

    private ApproveCommand(TaskId task, UserRef actor, Optional<String> comment) {
        this.task = Objects.requireNonNull(task, "task");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.comment = comment.map(Decision::checkComment);
    }

    /**
     * An approval without a comment.
     *
     * @param task the task to approve
     * @param actor the user who approves; must be an assignee of the task
     * @return the command
     */
    public static ApproveCommand of(TaskId task, UserRef actor) {
        return new ApproveCommand(task, actor, Optional.empty());
    }

    /**
     * An approval with a comment (the vendor's "opinion").
     *
     * @param task the task to approve
     * @param actor the user who approves; must be an assignee of the task
     * @param comment non-blank text without control characters, at most {@link Decision#MAX_COMMENT_LENGTH}
     *                characters; use {@link #of(TaskId, UserRef)} for none
     * @return the command
     * @throws IllegalArgumentException if the comment is blank, too long or holds control characters
     */
    public static ApproveCommand of(TaskId task, UserRef actor, String comment) {
        return new ApproveCommand(task, actor, Optional.of(Commands.requireComment(comment)));
    }

    /** @return the task to approve */
    public TaskId task() {
        return task;
    }

    /** @return the user who approves */
    public UserRef actor() {
        return actor;
    }

    /** @return the comment, or empty for none */
    public Optional<String> comment() {
        return comment;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApproveCommand c && c.task.equals(task) && c.actor.equals(actor) && c.comment.equals(comment);
    }

    @Override
    public int hashCode() {
        return Objects.hash(task, actor, comment);
    }

    @Override
    public String toString() {
        // The comment is the user's free text: not echoed into logs.
        return "ApproveCommand[task=" + task + ", actor=" + actor + ", comment=" + (comment.isPresent() ? "…" : "none")
                + "]";
    }
}
