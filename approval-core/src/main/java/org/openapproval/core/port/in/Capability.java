package org.openapproval.core.port.in;

/** What a provider can do. Ask {@code ApprovalService.capabilities()} before calling an optional operation. */
public enum Capability {
    /** List approval flow definitions. */
    LIST_DEFINITIONS,
    /** Processes of a record, and one process by id. */
    READ_PROCESSES,
    /** Query by definition, state and time window. */
    QUERY_PROCESSES,
    /** A user's to-do list. */
    PENDING_TASKS,
    /** Approve a task. */
    APPROVE,
    /** Reject a task. */
    REJECT,
    /** Send a process back to an earlier step. */
    RETURN,
    /** Cancel (withdraw) an open process. */
    CANCEL,
    /** Start a definition. */
    START
}
