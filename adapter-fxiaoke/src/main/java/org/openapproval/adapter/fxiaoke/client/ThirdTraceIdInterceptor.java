package org.openapproval.adapter.fxiaoke.client;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Adds the {@code thirdTraceId} query parameter Fxiaoke requires on every request, a fresh UUID v4 each
 * time, including each retry (a replay is a new request to the vendor).
 */
public final class ThirdTraceIdInterceptor implements RequestInterceptor {
    static final String PARAMETER = "thirdTraceId";
    private final Supplier<UUID> ids;

    public ThirdTraceIdInterceptor(Supplier<UUID> ids) {
        this.ids = ids;
    }

    @Override
    public void apply(RequestTemplate template) {
        template.query(PARAMETER, List.of()); // clears the previous attempt's value
        template.query(PARAMETER, ids.get().toString());
    }
}
