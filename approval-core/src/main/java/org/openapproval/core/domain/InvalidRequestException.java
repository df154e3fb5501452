package org.openapproval.core.domain;

/** The vendor (or the provider before sending) found the request invalid: a missing or malformed parameter. */
public class InvalidRequestException extends ApprovalException {
    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String reason, ErrorContext context, Throwable cause) {
        super(reason, context, cause);
    }
}
