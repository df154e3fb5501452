package org.openapproval.core.domain;

/** The credentials are valid but may not see or do this. */
public class PermissionDeniedException extends ApprovalException {
    private static final long serialVersionUID = 1L;

    public PermissionDeniedException(String reason, ErrorContext context, Throwable cause) {
        super(reason, context, cause);
    }
}
