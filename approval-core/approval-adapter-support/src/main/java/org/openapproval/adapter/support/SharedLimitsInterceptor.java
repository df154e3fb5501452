package org.openapproval.adapter.support;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import java.util.Objects;

/** Checks the shared limits before every request a Feign client sends, retries included. */
public final class SharedLimitsInterceptor implements RequestInterceptor {
    private final SharedLimits limits;

    public SharedLimitsInterceptor(SharedLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    public void apply(RequestTemplate template) {
        limits.beforeCall();
    }
}
