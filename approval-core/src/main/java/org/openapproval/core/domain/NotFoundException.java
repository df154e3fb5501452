package org.openapproval.core.domain;

/** The vendor says the thing asked for does not exist. Reads report absence as empty results instead. */
public class NotFoundException extends ApprovalException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String reason, ErrorContext context, Throwable cause) {
        super(reason, context, cause);
    }
}
