package org.openapproval.adapter.fxiaoke.client;

import static org.openapproval.adapter.fxiaoke.client.FxiaokeErrorCodes.FAILURES;

import feign.Response;
import feign.codec.ErrorDecoder;
import org.openapproval.adapter.support.HttpStatusFailures;
import org.openapproval.adapter.support.ReadRetryer;
import org.openapproval.core.domain.VendorProtocolException;

/**
 * Non-2xx answers: Fxiaoke reports business errors in HTTP 200, so any other status is transport trouble.
 * 429 and 5xx are retryable (for reads; the write retryer never repeats them), the rest a protocol error.
 */
public final class HttpStatusErrorDecoder implements ErrorDecoder {
    @Override
    public Exception decode(String methodKey, Response response) {
        return HttpStatusFailures.transientFailure(response, FAILURES.vendorName(), FAILURES.context())
                .<Exception>map(failure -> ReadRetryer.retryable(response, failure))
                .orElseGet(() -> new VendorProtocolException("Fxiaoke answered HTTP " + response.status() + " to "
                        + methodKey, FAILURES.context().withVendorCode("HTTP " + response.status()), null));
    }
}
