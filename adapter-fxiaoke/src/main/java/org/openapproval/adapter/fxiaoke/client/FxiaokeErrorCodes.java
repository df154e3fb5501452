package org.openapproval.adapter.fxiaoke.client;

import feign.RetryableException;
import java.util.Optional;
import java.util.Set;
import org.openapproval.adapter.support.VendorFailures;
import org.openapproval.core.domain.ApprovalException;
import org.openapproval.core.domain.AuthenticationException;
import org.openapproval.core.domain.ErrorContext;
import org.openapproval.core.domain.InvalidRequestException;
import org.openapproval.core.domain.PermissionDeniedException;
import org.openapproval.core.domain.QuotaExhaustedException;
import org.openapproval.core.domain.RateLimitedException;
import org.openapproval.core.domain.VendorTimeoutException;
import org.openapproval.core.domain.VendorUnavailableException;

/**
 * Fxiaoke's global error codes (fact sheet §4) mapped onto the core's exceptions. Only 0 and 20016 are
 * trusted for control flow by the vendor's own advice; the rest classify the failure for the caller.
 */
public final class FxiaokeErrorCodes {
    public static final int SUCCESS = 0;
    public static final int TOKEN_EXPIRED = 20016;
    /** Runs this adapter's calls and translates their failures; an immutable value, safe to share. */
    public static final VendorFailures FAILURES = new VendorFailures("fxiaoke", "Fxiaoke");

    /** Missing/invalid parameters that are credentials (10001–10015 and 11001–11018 name the parameter). */
    private static final Set<Integer> CREDENTIAL_PARAMETERS = Set.of(10001, 10002, 10003, 10012, 10013, 10014,
            11001, 11002, 11003, 11013, 11014, 11015);

    private FxiaokeErrorCodes() {
    }

    public static ApprovalException toException(int code, ErrorContext context) {
        String message = context.vendorMessage().orElse("");
        if (code == TOKEN_EXPIRED || code == 20005 || code == 20006 || code == 20015 || code == 20017
                || code == 12002) {
            return new AuthenticationException("Fxiaoke rejected the credentials", context, null);
        }
        if (code == 10013 && message.toLowerCase(java.util.Locale.ROOT).contains("offset")) {
            // 10013 doubles as "offset out of range 10000" on data queries
            return new InvalidRequestException("Fxiaoke refused the page offset", context, null);
        }
        if (CREDENTIAL_PARAMETERS.contains(code)) {
            return new AuthenticationException("Fxiaoke reports a missing or invalid credential", context, null);
        }
        if (code == 14001 || code == 30004) {
            return new RateLimitedException("Fxiaoke throttled the call", context, Optional.empty(), null);
        }
        if (code == 30002 || code == 30003) {
            return new QuotaExhaustedException("Fxiaoke's OpenAPI call quota is used up (code " + code
                    + "); it resets daily or needs a purchased resource pack", context, null);
        }
        if (code == 15003 || (code >= 20010 && code <= 20029)) {
            return new PermissionDeniedException("Fxiaoke denied the app access", context, null);
        }
        if (code == 50009) {
            // "service exception, e.g. timeout": a write may still be processed
            return new VendorTimeoutException("Fxiaoke reports a service exception (time-out)", context, null);
        }
        if (code == -1 || code == -2) {
            return new VendorUnavailableException("Fxiaoke is busy or failed", context, null);
        }
        // 10xxx/11xxx parameters, 12xxx, 15002, 30007/30027, 32000, 40010 and anything undocumented
        return new InvalidRequestException("Fxiaoke refused the request", context, null);
    }

    /**
     * Whether the retryer was handed a refused token (20016): the vendor refused the request without applying
     * it, so it is replayed once with a fresh token, reads and writes alike.
     */
    public static boolean isTokenRefusal(RetryableException e) {
        return e.getCause() instanceof ApprovalException a
                && a.vendorCode().filter(String.valueOf(TOKEN_EXPIRED)::equals).isPresent();
    }
}
