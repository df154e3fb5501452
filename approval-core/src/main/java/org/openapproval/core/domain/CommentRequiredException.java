package org.openapproval.core.domain;

/** The provider requires a comment for this verdict and none was given. */
public class CommentRequiredException extends DomainRuleException {
    private static final long serialVersionUID = 1L;

    public CommentRequiredException(String reason, ErrorContext context) {
        super(reason, context);
    }
}
