package org.openapproval.adapter.nocoly.client;

import static org.openapproval.adapter.nocoly.client.NocolyErrorCodes.FAILURES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.openapproval.adapter.support.HttpStatusFailures;
import org.openapproval.adapter.support.ReadRetryer;
import org.openapproval.adapter.support.Scrubber;
import org.openapproval.core.domain.ApprovalException;
import org.openapproval.core.domain.AuthenticationException;
import org.openapproval.core.domain.NotFoundException;
import org.openapproval.core.domain.PermissionDeniedException;
import org.openapproval.core.domain.ErrorContext;
import org.openapproval.core.domain.VendorProtocolException;

/**
 * Non-2xx answers. HAP's gateway may answer auth failures with HTTP 401 and an envelope (community report),
 * so an envelope's code wins when there is one; otherwise 429 is throttling, 5xx an outage (both retryable
 * for reads), anything else a protocol error.
 */
public final class HttpStatusErrorDecoder implements ErrorDecoder {
    private static final int MAX_BODY = 64 * 1024;
    private final ObjectMapper json;
    private final Scrubber scrubber;

    public HttpStatusErrorDecoder(ObjectMapper json, Scrubber scrubber) {
        this.json = json;
        this.scrubber = scrubber;
    }

    @Override
    public Exception decode(String methodKey, Response response) {
        int status = response.status();
        ErrorContext context = FAILURES.context().withVendorCode("HTTP " + status);
        Optional<JsonNode> envelope = envelope(response);
        ApprovalException failure;
        if (status < 500 && envelope.isPresent() && (envelope.get().has("error_code") || envelope.get().has("code"))) {
            // below 500 a HAP envelope (e.g. 401 with 10102) names the failure; a 5xx is an outage whatever it says
            JsonNode e = envelope.get();
            int code = e.has("error_code") ? e.path("error_code").asInt() : e.path("code").asInt();
            failure = NocolyErrorCodes.toException(code, FAILURES.context().withVendorCode(String.valueOf(code))
                    .withVendorMessage(scrubber.scrub(e.has("error_msg") ? e.path("error_msg").asText()
                            : e.path("msg").asText(null))));
        } else if (status == 401) {
            failure = new AuthenticationException("HAP refused the credentials (HTTP 401)", context, null);
        } else if (status == 403) {
            failure = new PermissionDeniedException("HAP denied access (HTTP 403)", context, null);
        } else if (status == 404) {
            failure = new NotFoundException("HAP has no such resource (HTTP 404)", context, null);
        } else {
            Optional<ApprovalException> transientFailure = HttpStatusFailures.transientFailure(response,
                    FAILURES.vendorName(), FAILURES.context());
            if (transientFailure.isEmpty()) {
                return new VendorProtocolException("HAP answered HTTP " + status + " to " + methodKey, context, null);
            }
            failure = transientFailure.get();
        }
        return failure.isRetryable() ? ReadRetryer.retryable(response, failure) : failure;
    }

    private Optional<JsonNode> envelope(Response response) {
        if (response.body() == null) {
            return Optional.empty();
        }
        try (InputStream in = response.body().asInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY);
            JsonNode node = json.readTree(bytes);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // an HTML error page or similar: judged by status alone
        }
    }
}
