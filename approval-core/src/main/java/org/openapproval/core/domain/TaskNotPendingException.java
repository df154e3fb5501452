package org.openapproval.core.domain;

/** The task is not awaiting a decision (already decided, not yet its turn, or closed). */
public class TaskNotPendingException extends DomainRuleException {
    private static final long serialVersionUID = 1L;

    public TaskNotPendingException(String reason, ErrorContext context) {
        super(reason, context);
    }
}
