package org.openapproval.core.domain;

/** Where one assignee's task stands. */
public enum TaskState {
    /** Sequential step: not this assignee's turn yet. */
    WAITING,
    /** Awaits this assignee's decision. */
    PENDING,
    APPROVED,
    REJECTED,
    RETURNED,
    /** Closed without decision: another assignee settled the step, or the process ended. */
    CANCELLED,
    UNKNOWN;

    public boolean isPending() {
        return this == PENDING;
    }
}
