package org.openapproval.core.domain;

/**
 * A write (decision, cancel, start) failed in transit and reading the process back could not tell
 * whether it took effect. Do not simply repeat the call: look at the process first. The cause is the
 * original transport failure; the read-back failure, if any, is attached as suppressed.
 */
public class OutcomeUnknownException extends ApprovalException {
    private static final long serialVersionUID = 1L;

    public OutcomeUnknownException(String reason, ErrorContext context, Throwable cause) {
        super(reason, context, cause);
    }
}
