package org.openapproval.adapter.support;

import feign.Response;
import feign.codec.Decoder;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Objects;

/** Around an adapter's envelope check: failures it finds in 2xx answers are shown to the shared limits. */
public final class LimitSignalsDecoder implements Decoder {
    private final Decoder delegate;
    private final SharedLimits limits;

    public LimitSignalsDecoder(Decoder delegate, SharedLimits limits) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    public Object decode(Response response, Type type) throws IOException {
        try {
            return delegate.decode(response, type);
        } catch (RuntimeException e) {
            limits.observe(e);
            throw e;
        }
    }
}
