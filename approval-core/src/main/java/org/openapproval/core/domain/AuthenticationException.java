package org.openapproval.core.domain;

/** The vendor rejected the credentials (wrong, expired beyond refresh, or missing). */
public class AuthenticationException extends ApprovalException {
    private static final long serialVersionUID = 1L;

    public AuthenticationException(String reason, ErrorContext context, Throwable cause) {
        super(reason, context, cause);
    }
}
