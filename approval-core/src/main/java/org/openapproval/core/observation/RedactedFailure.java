package org.openapproval.core.observation;

import org.openapproval.core.spi.ObservedOutcome;

/**
 * What an observation records as its error instead of the failure itself: tracing backends export an error's
 * message, stack trace text and causes (OpenTelemetry's {@code exception.message}, {@code exception.stacktrace}
 * and the span status), and vendor messages quote users, comments and ids. This one names only the failure's
 * class, its outcome and the vendor's code, and keeps the stack frames, which hold no data.
 */
final class RedactedFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private RedactedFailure(String message) {
        super(message, null, false, true);
    }

    static RedactedFailure of(Throwable failure) {
        String code = ObservedOutcome.vendorCodeOf(failure).map(c -> ", vendor code " + c).orElse("");
        RedactedFailure redacted = new RedactedFailure(failure.getClass().getName() + " ("
                + ObservedOutcome.of(failure).tagValue() + code + ")");
        redacted.setStackTrace(failure.getStackTrace());
        return redacted;
    }
}
