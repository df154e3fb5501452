package org.openapproval.adapter.nocoly.client;

import java.util.Optional;
import org.openapproval.adapter.support.VendorFailures;
import org.openapproval.core.domain.ApprovalException;
import org.openapproval.core.domain.AuthenticationException;
import org.openapproval.core.domain.ErrorContext;
import org.openapproval.core.domain.InvalidRequestException;
import org.openapproval.core.domain.NotFoundException;
import org.openapproval.core.domain.PermissionDeniedException;
import org.openapproval.core.domain.RateLimitedException;
import org.openapproval.core.domain.VendorUnavailableException;

/** HAP error codes (fact sheet §3; the V3 list is assumed equal to V2's) onto the core's exceptions. */
public final class NocolyErrorCodes {
    public static final int SUCCESS = 1;
    /** Runs this adapter's calls and translates their failures; an immutable value, safe to share. */
    public static final VendorFailures FAILURES = new VendorFailures("nocoly", "HAP");

    private NocolyErrorCodes() {
    }

    public static ApprovalException toException(int code, ErrorContext context) {
        return switch (code) {
            case 51, 90000, 90001 -> new RateLimitedException("HAP throttled the call", context, Optional.empty(), null);
            case 10101, 10102, 10105, 10106 -> new AuthenticationException("HAP rejected the credentials", context, null);
            case 10000, 10005, 430014 -> new PermissionDeniedException("HAP denied access", context, null);
            case 10007, 430013, 430022 -> new NotFoundException("HAP has no such data", context, null);
            case 99999 -> new VendorUnavailableException("HAP failed while operating on the data", context, null);
            // 0 failure, 10001/10002 parameters, 10006, 1000xx and 4300xx business rules, anything undocumented
            default -> new InvalidRequestException("HAP refused the request", context, null);
        };
    }
}
