package org.openapproval.core.domain;

/** The vendor answered something this library cannot understand (malformed body, unexpected shape). */
public class VendorProtocolException extends ApprovalException {
    private static final long serialVersionUID = 1L;

    public VendorProtocolException(String reason, ErrorContext context, Throwable cause) {
        super(reason, context, cause);
    }
}
