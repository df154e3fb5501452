package org.openapproval.sandbox.fxiaoke;

/**
 * The {@code errorCode} values the sandbox answers with, named after the vendor's global code table
 * (fact sheet §4, a third-party transcription: the vendor's own table page was not readable).
 */
final class ErrorCodes {
    static final int SYSTEM_ERROR = -2;
    static final int SUCCESS = 0;
    static final int MISSING_APP_ID = 10001;
    static final int MISSING_APP_SECRET = 10002;
    /** The table says "missing scope"; probes saw it for unknown URL paths, which is what we use it for. */
    static final int UNKNOWN_PATH = 10006;
    /** The table says "missing openUserId"; the closest documented code for a missing acting user. */
    static final int MISSING_OPEN_USER_ID = 10010;
    static final int MISSING_PERMANENT_CODE = 10012;
    /** The table says "missing corpAccessToken"; probes saw it for "offset out of range 10000". */
    static final int OFFSET_OUT_OF_RANGE = 10013;
    static final int EMPTY_POST_BODY = 12004;
    static final int CALL_LIMIT_EXCEEDED = 14001;
    static final int INVALID_PARAMETER = 15002;
    static final int WRONG_APP_ID_OR_SECRET = 20006;
    static final int WRONG_PERMANENT_CODE = 20015;
    static final int TOKEN_INVALID = 20016;
    static final int NO_AUTH = 20017;
    static final int FREQUENCY_EXCEEDED = 30004;
    static final int EMPLOYEE_NOT_FOUND = 30027;
    static final int PARAMETER_ERROR = 32000;

    private ErrorCodes() {
    }
}
