package org.openapproval.sandbox.fxiaoke;

/**
 * A business or auth error the sandbox answers as HTTP 200 with a non-zero {@code errorCode}, the
 * vendor's way (fact sheet §1 "HTTP status"). Thrown from deep inside a handler so validation reads
 * top-down; no stack trace because it is control flow, not a bug.
 */
final class VendorError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int errorCode;

    VendorError(int errorCode, String message) {
        super(message, null, false, false);
        this.errorCode = errorCode;
    }

    static VendorError parameter(String message) {
        return new VendorError(ErrorCodes.PARAMETER_ERROR, message);
    }

    int errorCode() {
        return errorCode;
    }
}
