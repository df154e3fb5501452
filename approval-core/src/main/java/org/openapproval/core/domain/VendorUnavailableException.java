package org.openapproval.core.domain;

/**
 * The vendor could not be reached or failed (HTTP 5xx, time-out, connection error, "system busy").
 * Reads may be retried; a write that failed this way may or may not have taken effect, which is why
 * the application layer reconciles writes by reading back.
 */
public class VendorUnavailableException extends ApprovalException {
    private static final long serialVersionUID = 1L;

    public VendorUnavailableException(String reason, ErrorContext context, Throwable cause) {
        super(reason, context, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
