package org.openapproval.core.domain;

/** The process is no longer in progress, so it takes no decision and cannot be cancelled. */
public class ProcessNotOpenException extends DomainRuleException {
    private static final long serialVersionUID = 1L;

    public ProcessNotOpenException(String reason, ErrorContext context) {
        super(reason, context);
    }
}
