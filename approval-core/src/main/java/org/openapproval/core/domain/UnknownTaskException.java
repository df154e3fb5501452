package org.openapproval.core.domain;

/** The task id does not name a task of the process it points at. */
public class UnknownTaskException extends DomainRuleException {
    private static final long serialVersionUID = 1L;

    public UnknownTaskException(String reason, ErrorContext context) {
        super(reason, context);
    }
}
