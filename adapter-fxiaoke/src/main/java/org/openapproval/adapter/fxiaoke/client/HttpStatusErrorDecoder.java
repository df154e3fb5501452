package org.openapproval.adapter.fxiaoke.client;

import feign.RetryableException;
import feign.Response;
import feign.codec.ErrorDecoder;
import java.time.Duration;
import java.util.Optional;
import org.openapproval.core.domain.ApprovalException;
import org.openapproval.core.domain.ErrorContext;
import org.openapproval.core.domain.RateLimitedException;
import org.openapproval.core.domain.VendorProtocolException;
import org.openapproval.core.domain.VendorTimeoutException;
import org.openapproval.core.domain.VendorUnavailableException;

/**
 * Non-2xx answers: Fxiaoke reports business errors in HTTP 200, so any other status is transport trouble.
 * 5xx and 429 are retryable (for reads; the write retryer never repeats them), the rest a protocol error.
 */
public final class HttpStatusErrorDecoder implements ErrorDecoder {
    @Override
    public Exception decode(String methodKey, Response response) {
        int status = response.status();
        ErrorContext context = FxiaokeFailures.context().withVendorCode("HTTP " + status);
        ApprovalException failure;
        if (status == 429) {
            Optional<Duration> retryAfter = RetryAfter.parse(response.headers());
            failure = new RateLimitedException("Fxiaoke throttled the call (HTTP 429)", context, retryAfter, null);
        } else if (status == 502 || status == 504) {
            // a gateway gave up waiting: the backend may still process the request
            failure = new VendorTimeoutException("Fxiaoke" + " gateway answered HTTP " + status, context, null);
        } else if (status >= 500) {
            failure = new VendorUnavailableException("Fxiaoke answered HTTP " + status, context, null);
        } else {
            return new VendorProtocolException("Fxiaoke answered HTTP " + status + " to " + methodKey, context, null);
        }
        Long retryAfterMillis = failure instanceof RateLimitedException r
                ? r.retryAfter().map(Duration::toMillis).orElse(null) : null;
        return new RetryableException(status, failure.getMessage(), response.request().httpMethod(), failure,
                retryAfterMillis, response.request());
    }
}
