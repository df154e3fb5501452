package org.openapproval.core.domain;

/**
 * The vendor did not answer in time. Unlike other outages, the request may still be processed after the
 * caller gave up, so a write that timed out and does not show yet has an unknown outcome, not a failed one.
 */
public class VendorTimeoutException extends VendorUnavailableException {
    private static final long serialVersionUID = 1L;

    public VendorTimeoutException(String reason, ErrorContext context, Throwable cause) {
        super(reason, context, cause);
    }
}
