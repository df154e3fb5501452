package org.openapproval.core.domain;

/** A return must go to an earlier, already reached step of the same process. */
public class InvalidReturnTargetException extends DomainRuleException {
    private static final long serialVersionUID = 1L;

    public InvalidReturnTargetException(String reason, ErrorContext context) {
        super(reason, context);
    }
}
