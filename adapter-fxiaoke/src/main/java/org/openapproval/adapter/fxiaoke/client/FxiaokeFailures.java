package org.openapproval.adapter.fxiaoke.client;

import feign.FeignException;
import feign.RetryableException;
import java.io.IOException;
import org.openapproval.core.domain.ApprovalException;
import org.openapproval.core.domain.ErrorContext;
import org.openapproval.core.domain.VendorProtocolException;
import org.openapproval.core.domain.VendorTimeoutException;
import org.openapproval.core.domain.VendorUnavailableException;

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
        if (e instanceof RetryableException retryable && isTimeout(retryable.getCause())) {
            // no answer in time: the vendor may still process the request after we gave up
            return new VendorTimeoutException("Fxiaoke did not answer in time: " + describe(retryable.getCause()),
                    context(), e);
        }
        if (e instanceof RetryableException retryable) {
            // other I/O failure: refused connection, reset; the request may or may not have arrived
            return new VendorUnavailableException("Fxiaoke could not be reached: " + describe(retryable.getCause()),
                    context(), e);
        }
        if (e instanceof FeignException feign && feign.getCause() instanceof IOException io) {
            return new VendorProtocolException("Fxiaoke's answer could not be read: " + io.getClass().getSimpleName(),
                    context(), e);
        }
        if (e instanceof feign.codec.DecodeException || e instanceof FeignException) {
            return new VendorProtocolException("Fxiaoke's answer could not be understood", context(), e);
        }
        return new VendorProtocolException("calling Fxiaoke failed unexpectedly: " + e.getClass().getSimpleName(),
                context(), e);
    }

    private static boolean isTimeout(Throwable cause) {
        // a connect time-out means nothing was sent, so it is a plain outage
        return !(cause instanceof java.net.http.HttpConnectTimeoutException)
                && (cause instanceof java.net.http.HttpTimeoutException || cause instanceof java.net.SocketTimeoutException);
    }

    private static String describe(Throwable cause) {
        return cause == null ? "unknown I/O failure" : cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")");
    }
}
