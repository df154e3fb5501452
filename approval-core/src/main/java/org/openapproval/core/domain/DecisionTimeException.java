package org.openapproval.core.domain;

/**
 * A decision or cancellation dated before the process started or before its last change, or with no time
 * at all, cannot be applied: the process's history only moves forward in time.
 */
public class DecisionTimeException extends DomainRuleException {
    private static final long serialVersionUID = 1L;

    public DecisionTimeException(String reason, ErrorContext context) {
        super(reason, context);
    }
}
