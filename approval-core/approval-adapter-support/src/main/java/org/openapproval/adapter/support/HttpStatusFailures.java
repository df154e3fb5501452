package org.openapproval.adapter.support;

import feign.Response;
import java.util.Optional;
import org.openapproval.core.domain.ApprovalException;
import org.openapproval.core.domain.ErrorContext;
import org.openapproval.core.domain.RateLimitedException;
import org.openapproval.core.domain.VendorTimeoutException;
import org.openapproval.core.domain.VendorUnavailableException;

/**
 * The HTTP statuses every vendor means the same by: 429 is throttling (with its Retry-After), 502 and 504 a
 * gateway that gave up waiting (the backend may still process the request, so a write's outcome is unknown),
 * any other 5xx an outage. All are retryable for reads. Vendor-specific statuses are the adapter's business.
 */
public final class HttpStatusFailures {
    private HttpStatusFailures() {
    }

    /**
     * The failure {@code response}'s status means, or empty when the status is not one of these.
     *
     * @param context the vendor's context, which gets the status as its vendor code
     */
    public static Optional<ApprovalException> transientFailure(Response response, String vendorName,
                                                               ErrorContext context) {
        int status = response.status();
        ErrorContext withStatus = context.withVendorCode("HTTP " + status);
        if (status == 429) {
            return Optional.of(new RateLimitedException(vendorName + " throttled the call (HTTP 429)", withStatus,
                    RetryAfter.parse(response.headers()), null));
        }
        if (status == 502 || status == 504) {
            return Optional.of(new VendorTimeoutException(vendorName + " gateway answered HTTP " + status, withStatus,
                    null));
        }
        if (status >= 500) {
            return Optional.of(new VendorUnavailableException(vendorName + " answered HTTP " + status, withStatus,
                    null));
        }
        return Optional.empty();
    }
}
