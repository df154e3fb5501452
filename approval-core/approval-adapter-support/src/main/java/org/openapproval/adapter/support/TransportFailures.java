package org.openapproval.adapter.support;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import org.openapproval.core.domain.ApprovalException;
import org.openapproval.core.domain.ErrorContext;
import org.openapproval.core.domain.VendorTimeoutException;
import org.openapproval.core.domain.VendorUnavailableException;

/**
 * Classifies an I/O failure of a vendor call for the core's reconciliation: a connection that was never
 * made cannot have delivered the request (an outage); anything after that (a read time-out, a reset) may
 * have, and the vendor may still process it (a time-out, whose write outcome is unknown).
 */
public final class TransportFailures {
    private TransportFailures() {
    }

    public static ApprovalException of(IOException failure, String vendorName, ErrorContext context) {
        // the transport's text may quote a (signed) URL: scrubbed like any vendor text
        String what = failure.getClass().getSimpleName() + (failure.getMessage() == null ? ""
                : " (" + Scrubber.GENERIC.scrub(failure.getMessage()) + ")");
        if (neverSent(failure)) {
            return new VendorUnavailableException(vendorName + " could not be reached: " + what, context, failure);
        }
        return new VendorTimeoutException(vendorName + " did not answer: " + what, context, failure);
    }

    static boolean neverSent(IOException failure) {
        return failure instanceof RequestNotSentException || failure instanceof ConnectException || failure instanceof HttpConnectTimeoutException
                || failure instanceof UnknownHostException || failure instanceof NoRouteToHostException;
    }
}
