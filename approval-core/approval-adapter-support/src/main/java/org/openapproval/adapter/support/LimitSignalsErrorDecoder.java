package org.openapproval.adapter.support;

import feign.Response;
import feign.codec.ErrorDecoder;
import java.util.Objects;

/** Around an adapter's error decoder: failures of non-2xx answers (HTTP 429's Retry-After) reach the shared limits. */
public final class LimitSignalsErrorDecoder implements ErrorDecoder {
    private final ErrorDecoder delegate;
    private final SharedLimits limits;

    public LimitSignalsErrorDecoder(ErrorDecoder delegate, SharedLimits limits) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    public Exception decode(String methodKey, Response response) {
        Exception failure = delegate.decode(methodKey, response);
        limits.observe(failure);
        return failure;
    }
}
