package org.openapproval.core.domain;

import java.util.Optional;

/**
 * How a task ended. Only {@link #APPROVED}, {@link #REJECTED} and {@link #RETURNED} are decisions (and
 * only they come with a {@link Decision}); the others finish a task without deciding anything: a form was
 * filled in or submitted, a carbon copy was read, the vendor passed the task by itself, or the task was
 * closed because its step or the process was settled elsewhere. {@link #UNKNOWN} keeps a vendor status
 * this library cannot place (the raw value stays in {@link Task#vendorStatus()}).
 *
 * <p>Each outcome leaves one {@link TaskState} behind ({@link #taskState()}): the decisions their own,
 * the other completions {@link TaskState#COMPLETED}, a close without decision {@link TaskState#CANCELLED}.
 */
public enum TaskOutcome {
    APPROVED(TaskState.APPROVED),
    REJECTED(TaskState.REJECTED),
    RETURNED(TaskState.RETURNED),
    /** A fill-in task whose fields were filled in. */
    FILLED_IN(TaskState.COMPLETED),
    /** The start task: the initiator submitted (or re-submitted) the form. */
    SUBMITTED(TaskState.COMPLETED),
    /** A carbon copy the person has read. */
    ACKNOWLEDGED(TaskState.COMPLETED),
    /** Passed without anyone deciding (automatic approval, duplicate approver skipped, robot node). */
    PASSED_AUTOMATICALLY(TaskState.COMPLETED),
    /** Closed without a decision: another assignee settled the step, the process ended or moved back. */
    CLOSED_WITHOUT_DECISION(TaskState.CANCELLED),
    UNKNOWN(TaskState.UNKNOWN);

    private final TaskState taskState;

    TaskOutcome(TaskState taskState) {
        this.taskState = taskState;
    }

    /** Whether this outcome is a decision (approve, reject, return) rather than another kind of completion. */
    public boolean isDecision() {
        return this == APPROVED || this == REJECTED || this == RETURNED;
    }

    /** The state a task with this outcome is in. */
    public TaskState taskState() {
        return taskState;
    }

    public static TaskOutcome of(Verdict verdict) {
        return switch (verdict) {
            case APPROVE -> APPROVED;
            case REJECT -> REJECTED;
            case RETURN -> RETURNED;
        };
    }

    /**
     * The outcome a task in {@code state} implies when nobody said more: none while the task is open, the
     * decision's for APPROVED/REJECTED/RETURNED, a close without decision for CANCELLED, UNKNOWN for UNKNOWN.
     * COMPLETED alone does not say how the task was completed, so it implies none.
     */
    static Optional<TaskOutcome> impliedBy(TaskState state) {
        return switch (state) {
            case WAITING, PENDING, COMPLETED -> Optional.empty();
            case APPROVED -> Optional.of(APPROVED);
            case REJECTED -> Optional.of(REJECTED);
            case RETURNED -> Optional.of(RETURNED);
            case CANCELLED -> Optional.of(CLOSED_WITHOUT_DECISION);
            case UNKNOWN -> Optional.of(UNKNOWN);
        };
    }
}
