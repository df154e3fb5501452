package org.openapproval.core.port.in;

/** What a provider can do. Ask {@code ApprovalService.capabilities()} before calling an optional operation. */
public enum Capability {
    LIST_DEFINITIONS,
    /** Processes of a record, and one process by id. */
    READ_PROCESSES,
    /** Query by definition, state and time window. */
    QUERY_PROCESSES,
    PENDING_TASKS,
    APPROVE,
    REJECT,
    RETURN,
    CANCEL,
    START
}
