package org.openapproval.core.domain;

/** The tenant has used up its call quota (daily or purchased); retrying soon will not help. */
public class QuotaExhaustedException extends ApprovalException {
    private static final long serialVersionUID = 1L;

    public QuotaExhaustedException(String reason, ErrorContext context, Throwable cause) {
        super(reason, context, cause);
    }
}
