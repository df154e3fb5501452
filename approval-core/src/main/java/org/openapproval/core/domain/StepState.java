package org.openapproval.core.domain;

/** Where one step (node) of a process stands. */
public enum StepState {
    /** Not reached yet. */
    WAITING,
    /** Reached; its tasks await decisions. */
    IN_PROGRESS,
    APPROVED,
    REJECTED,
    /** Sent back to an earlier step. */
    RETURNED,
    /** Closed without decision (process rejected or cancelled elsewhere). */
    CANCELLED,
    UNKNOWN
}
