package org.openapproval.adapter.support;

import feign.FeignException;
import feign.RetryableException;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Supplier;
import org.openapproval.core.domain.ApprovalException;
import org.openapproval.core.domain.ErrorContext;
import org.openapproval.core.domain.VendorProtocolException;

/**
 * Runs a vendor's Feign calls and turns whatever they throw into the core's exception family, so no Feign
 * type leaves an adapter.
 *
 * @param providerId the provider id every failure's context names
 * @param vendorName the vendor as messages name it, e.g. "HAP"
 */
public record VendorFailures(String providerId, String vendorName) {
    public VendorFailures {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(vendorName, "vendorName");
    }

    /** The context of this provider's failures; callers add the vendor's code, message and trace id. */
    public ErrorContext context() {
        return ErrorContext.provider(providerId);
    }

    /** Runs one Feign call and translates its failure. */
    public <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    public ApprovalException translate(RuntimeException e) {
        if (e instanceof ApprovalException approval) {
            return approval;
        }
        if (e.getCause() instanceof ApprovalException approval) {
            return approval; // a retryable failure whose retries ran out
        }
        // Feign exceptions hold the request (headers with tokens, a token call's body with the app secret) and
        // print it: only the underlying I/O cause is chained, never the Feign exception.
        IOException io = e.getCause() instanceof IOException cause ? cause : null;
        if (e instanceof RetryableException && io != null) {
            return TransportFailures.of(io, vendorName, context()); // never sent: outage; otherwise it may arrive
        }
        if (e instanceof FeignException && io != null) {
            return new VendorProtocolException(vendorName + "'s answer could not be read: " + describe(io), context(),
                    io);
        }
        return new VendorProtocolException(vendorName + "'s answer could not be understood: "
                + e.getClass().getSimpleName(), context(), null);
    }

    private static String describe(Throwable cause) {
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")");
    }
}
