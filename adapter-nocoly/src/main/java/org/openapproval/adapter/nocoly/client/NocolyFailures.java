package org.openapproval.adapter.nocoly.client;

import feign.FeignException;
import feign.RetryableException;
import java.io.IOException;
import java.util.function.Supplier;
import org.openapproval.core.domain.ApprovalException;
import org.openapproval.core.domain.ErrorContext;
import org.openapproval.core.domain.VendorProtocolException;
import org.openapproval.core.domain.VendorTimeoutException;
import org.openapproval.core.domain.VendorUnavailableException;

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
        Throwable io = e.getCause() instanceof IOException ? e.getCause() : null;
        if (e instanceof RetryableException && io != null && !mayHaveBeenSent(io)) {
            return new VendorUnavailableException(NAME + " could not be reached: " + describe(io), context(), io);
        }
        if (e instanceof RetryableException && io != null) {
            // time-out or a connection lost after sending: the vendor may still process the request
            return new VendorTimeoutException(NAME + " did not answer: " + describe(io), context(), io);
        }
        if (e instanceof FeignException && io != null) {
            return new VendorProtocolException(NAME + "'s answer could not be read: " + describe(io), context(), io);
        }
        return new VendorProtocolException(NAME + "'s answer could not be understood: " + e.getClass().getSimpleName(),
                context(), null);
    }

    /** Refused or unreachable connections never carried the request. */
    private static boolean mayHaveBeenSent(Throwable io) {
        return !(io instanceof java.net.ConnectException || io instanceof java.net.http.HttpConnectTimeoutException
                || io instanceof java.net.UnknownHostException || io instanceof java.net.NoRouteToHostException);
    }

    private static String describe(Throwable cause) {
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")");
    }
}
