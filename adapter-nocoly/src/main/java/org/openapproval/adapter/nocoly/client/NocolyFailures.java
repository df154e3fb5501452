package org.openapproval.adapter.nocoly.client;

import feign.FeignException;
import feign.RetryableException;
import java.io.IOException;
import java.util.function.Supplier;
import org.openapproval.core.domain.ApprovalException;
import org.openapproval.core.domain.ErrorContext;
import org.openapproval.core.domain.VendorProtocolException;
import org.openapproval.adapter.support.TransportFailures;

/** Turns whatever a Feign call threw into the core's exception family, never leaking Feign types. */
public final class NocolyFailures {
    public static final String PROVIDER_ID = "nocoly";

    private NocolyFailures() {
    }

    private static final String NAME = "HAP";

    public static ErrorContext context() {
        return ErrorContext.provider(PROVIDER_ID);
    }

    public static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw translate(e);
        }
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
