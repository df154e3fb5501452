package org.openapproval.core.domain;

/** The actor is not an assignee of the task, so may not decide on it. */
public class ActorNotAllowedException extends DomainRuleException {
    private static final long serialVersionUID = 1L;

    public ActorNotAllowedException(String reason, ErrorContext context) {
        super(reason, context);
    }
}
