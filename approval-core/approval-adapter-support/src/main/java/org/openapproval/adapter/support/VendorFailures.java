package org.openapproval.adapter.support;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
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
        String endpoint = e instanceof FeignException f && f.request() != null
                ? f.request().httpMethod() + " " + VendorHttpClient.pathOf(f.request().url()) : "a call";
        if (io instanceof ResponseTooLargeException tooLarge) {
            return new VendorProtocolException(vendorName + "'s answer to " + endpoint + " was not read: "
                    + tooLarge.getMessage() + " (" + providerId + ".max-response-size)", context(), null);
        }
        if (e instanceof RetryableException && io != null) {
            return TransportFailures.of(io, vendorName, context()); // never sent: outage; otherwise it may arrive
        }
        if (io instanceof JsonProcessingException parse) {
            // in vendor terms: the parser's own text names our DTO classes and quotes the answer
            return new VendorProtocolException(vendorName + "'s answer to " + endpoint + " is not the JSON expected"
                    + where(parse.getLocation()) + ": " + what(parse), context(), null);
        }
        if (e instanceof FeignException && io != null) {
            return new VendorProtocolException(vendorName + "'s answer to " + endpoint + " could not be read: "
                    + io.getClass().getSimpleName(), context(), io);
        }
        return new VendorProtocolException(vendorName + "'s answer to " + endpoint + " could not be understood: "
                + e.getClass().getSimpleName(), context(), null);
    }

    private static String where(JsonLocation at) {
        return at == null || at.getLineNr() < 1 ? "" : " (it breaks at line " + at.getLineNr() + ", column "
                + at.getColumnNr() + ")";
    }

    private static String what(JsonProcessingException parse) {
        if (parse instanceof MismatchedInputException mismatch) {
            return "a field holds a value of the wrong type" + field(mismatch);
        }
        if (parse instanceof JsonMappingException bind) {
            return "a value could not be read" + field(bind);
        }
        return "the text is not well-formed JSON or ends early";
    }

    /** The JSON path of the field as the vendor names it, e.g. {@code data.rows[3].id}. */
    private static String field(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(Scrubber.escapeControls(r.getFieldName()));
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "" : " (" + (path.length() > 200 ? path.substring(0, 200) : path) + ")";
    }
}
