package org.openapproval.sandbox.nocoly;

/**
 * The vendor's error codes the sandbox answers (fact sheet §3, the V2 list shown on the app API doc page).
 * UNVERIFIED for V3 and for the organization API: the sheet says the V3 list could not be retrieved and is
 * "very likely shared"; the sandbox uses the same codes for both families.
 */
final class ErrorCodes {
    /** {@code error_code} 1 = success (V3 envelope). */
    static final int SUCCESS = 1;
    /** 51 = request throttled (请求限流). */
    static final int THROTTLED = 51;
    /** 10001 = parameter error / missing parameter. */
    static final int MISSING_PARAMETER = 10001;
    /** 10002 = parameter value error. */
    static final int PARAMETER_VALUE = 10002;
    /** 10007 = data does not exist or deleted. */
    static final int NOT_FOUND = 10007;
    /** 10101 = token (AppKey / authorization) does not exist. */
    static final int APP_KEY_UNKNOWN = 10101;
    /** 10102 = signature invalid. */
    static final int SIGN_INVALID = 10102;

    /** Org API success {@code status}. */
    static final int ORG_STATUS_OK = 1;
    /** Org API failure {@code status} (fact sheet: "status != 1"; the sandbox uses 0). */
    static final int ORG_STATUS_FAILED = 0;

    private ErrorCodes() {
    }
}
