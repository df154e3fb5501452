package org.openapproval.core.domain;

/** What an actor decided on a task. */
public enum Verdict {
    APPROVE,
    REJECT,
    /** Send the flow back to an earlier step. */
    RETURN;

    /** The task state this verdict leaves behind. */
    public TaskState resultingTaskState() {
        return switch (this) {
            case APPROVE -> TaskState.APPROVED;
            case REJECT -> TaskState.REJECTED;
            case RETURN -> TaskState.RETURNED;
        };
    }
}
