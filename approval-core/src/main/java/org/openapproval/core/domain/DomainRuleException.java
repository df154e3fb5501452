package org.openapproval.core.domain;

/**
 * The domain refused an operation before anything was sent to the vendor: the process is closed, the
 * task is not pending, the actor may not decide, a required comment is missing, a return target is
 * not an earlier step... The message says which rule and why.
 */
public abstract class DomainRuleException extends ApprovalException {
    private static final long serialVersionUID = 1L;

    protected DomainRuleException(String reason, ErrorContext context) {
        super(reason, context, null);
    }
}
