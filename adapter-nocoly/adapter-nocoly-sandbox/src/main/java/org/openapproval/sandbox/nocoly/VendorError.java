package org.openapproval.sandbox.nocoly;

/**
 * A business or auth error, answered HTTP 200 with the family's error envelope ({@code error_code} on the
 * V3 API, {@code status: 0} + {@code code} on the organization API). Thrown from deep inside a handler so
 * validation reads top-down; no stack trace because it is control flow, not a bug.
 */
final class VendorError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int code;

    VendorError(int code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    static VendorError missing(String message) {
        return new VendorError(ErrorCodes.MISSING_PARAMETER, message);
    }

    static VendorError badValue(String message) {
        return new VendorError(ErrorCodes.PARAMETER_VALUE, message);
    }

    static VendorError notFound(String message) {
        return new VendorError(ErrorCodes.NOT_FOUND, message);
    }

    int code() {
        return code;
    }
}
