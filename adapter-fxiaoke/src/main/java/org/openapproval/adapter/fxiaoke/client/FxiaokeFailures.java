package org.openapproval.adapter.fxiaoke.client;

import feign.FeignException;
import feign.RetryableException;
import java.io.IOException;
import org.openapproval.core.domain.ApprovalException;
import org.openapproval.core.domain.ErrorContext;
import org.openapproval.core.domain.VendorProtocolException;
import org.openapproval.adapter.support.TransportFailures;

/** Turns whatever a Feign call threw into the core's exception family, never leaking Feign types. */
public final class FxiaokeFailures {
    public static final String PROVIDER_ID = "fxiaoke";

    private FxiaokeFailures() {
    }

    /** Runs one Feign call and translates its failure. */
    public static <T> T call(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    private static final String NAME = "Fxiaoke";

    public static ErrorContext context() {
        return ErrorContext.provider(PROVIDER_ID);
    }

    public static ApprovalException translate(RuntimeException e) {
        if (e instanceof ApprovalException approval) {
            return approval;
        }
        if (e.getCause() instanceof ApprovalException approval) {
            return approval; // a retryable failure whose retries ran out
        }
        // Feign exceptions hold the request (headers with the token, the token call's body with the app
        // secret) and print it; only the underlying I/O cause is chained, never the Feign exception.
        IOException io = e.getCause() instanceof IOException cause ? cause : null;
        if (e instanceof RetryableException && io != null) {
            return TransportFailures.of(io, NAME, context()); // never sent: outage; otherwise: may still arrive
        }
        if (e instanceof FeignException && io != null) {
            return new VendorProtocolException(NAME + "'s answer could not be read: " + describe(io), context(), io);
        }
        return new VendorProtocolException(NAME + "'s answer could not be understood: " + e.getClass().getSimpleName(),
                context(), null);
    }

    private static String describe(Throwable cause) {
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")");
    }
}
