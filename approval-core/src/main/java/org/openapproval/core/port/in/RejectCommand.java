package org.openapproval.core.port.in;

import java.util.Objects;
import java.util.Optional;
import org.openapproval.core.domain.Decision;
import org.openapproval.core.domain.TaskId;
import org.openapproval.core.domain.UserRef;

/**
 * Reject a task (and with it, on most vendors, the process) as a user. Self-validating: a bad comment fails here, before any I/O.
 *
 * <pre>{@code
 * approvals.reject(RejectCommand.of(task, user));                  // no comment
 * approvals.reject(RejectCommand.of(task, user, "over budget")); // with a comment
 * }</pre>
 */
public final class RejectCommand {
    private final TaskId task;
    private final UserRef actor;
    private final Optional<String> comment;

    private RejectCommand(TaskId task, UserRef actor, Optional<String> comment) {
        this.task = Objects.requireNonNull(task, "task");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.comment = comment.map(Decision::checkComment);
    }

    /**
     * A rejection without a comment.
     *
     * @param task the task to reject
     * @param actor the user who rejects; must be an assignee of the task
     * @return the command
     */
    public static RejectCommand of(TaskId task, UserRef actor) {
        return new RejectCommand(task, actor, Optional.empty());
    }

    /**
     * A rejection with a comment (the vendor's "opinion").
     *
     * @param task the task to reject
     * @param actor the user who rejects; must be an assignee of the task
     * @param comment non-blank text without control characters, at most {@link Decision#MAX_COMMENT_LENGTH}
     *                characters; use {@link #of(TaskId, UserRef)} for none
     * @return the command
     * @throws IllegalArgumentException if the comment is blank, too long or holds control characters
     */
    public static RejectCommand of(TaskId task, UserRef actor, String comment) {
        return new RejectCommand(task, actor, Optional.of(Commands.requireComment(comment)));
    }

    /** @return the task to reject */
    public TaskId task() {
        return task;
    }

    /** @return the user who rejects */
    public UserRef actor() {
        return actor;
    }

    /** @return the comment, or empty for none */
    public Optional<String> comment() {
        return comment;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RejectCommand c && c.task.equals(task) && c.actor.equals(actor) && c.comment.equals(comment);
    }

    @Override
    public int hashCode() {
        return Objects.hash(task, actor, comment);
    }

    @Override
    public String toString() {
        // The comment is the user's free text: not echoed into logs.
        return "RejectCommand[task=" + task + ", actor=" + actor + ", comment=" + (comment.isPresent() ? "…" : "none")
                + "]";
    }
}
