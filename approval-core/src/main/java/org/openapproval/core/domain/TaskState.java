package org.openapproval.core.domain;

/**
 * Where one assignee's task stands. {@link Task#outcome()} tells how a closed task ended, including the
 * completions that are not decisions (all in {@link #COMPLETED}).
 */
public enum TaskState {
    /** Sequential step: not this assignee's turn yet. */
    WAITING,
    /** Awaits this assignee's decision. */
    PENDING,
    APPROVED,
    REJECTED,
    RETURNED,
    /** Finished without a decision: filled in, submitted, acknowledged or passed automatically. */
    COMPLETED,
    /** Closed without decision: another assignee settled the step, the process ended or moved back. */
    CANCELLED,
    UNKNOWN;

    public boolean isPending() {
        return this == PENDING;
    }

    /** Still to be done: pending, or waiting for its turn. */
    public boolean isOpen() {
        return this == PENDING || this == WAITING;
    }
}
