package org.openapproval.adapter.nocoly.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.RetryableException;
import feign.Response;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import org.openapproval.core.domain.ApprovalException;
import org.openapproval.core.domain.AuthenticationException;
import org.openapproval.core.domain.NotFoundException;
import org.openapproval.core.domain.PermissionDeniedException;
import org.openapproval.core.domain.ErrorContext;
import org.openapproval.core.domain.RateLimitedException;
import org.openapproval.core.domain.VendorProtocolException;
import org.openapproval.core.domain.VendorTimeoutException;
import org.openapproval.core.domain.VendorUnavailableException;

/**
 * Non-2xx answers. HAP's gateway may answer auth failures with HTTP 401 and an envelope (community report),
 * so an envelope's code wins when there is one; otherwise 429 is throttling, 5xx an outage (both retryable
 * for reads), anything else a protocol error.
 */
public final class HttpStatusErrorDecoder implements ErrorDecoder {
    private static final int MAX_BODY = 64 * 1024;
    private final ObjectMapper json;

    public HttpStatusErrorDecoder(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Exception decode(String methodKey, Response response) {
        int status = response.status();
        ErrorContext context = NocolyFailures.context().withVendorCode("HTTP " + status);
        Optional<JsonNode> envelope = envelope(response);
        ApprovalException failure;
        if (status < 500 && envelope.isPresent() && (envelope.get().has("error_code") || envelope.get().has("code"))) {
            // below 500 a HAP envelope (e.g. 401 with 10102) names the failure; a 5xx is an outage whatever it says
            JsonNode e = envelope.get();
            int code = e.has("error_code") ? e.path("error_code").asInt() : e.path("code").asInt();
            failure = NocolyErrorCodes.toException(code, NocolyFailures.context().withVendorCode(String.valueOf(code))
                    .withVendorMessage(e.has("error_msg") ? e.path("error_msg").asText() : e.path("msg").asText(null)));
        } else if (status == 401) {
            failure = new AuthenticationException("HAP refused the credentials (HTTP 401)", context, null);
        } else if (status == 403) {
            failure = new PermissionDeniedException("HAP denied access (HTTP 403)", context, null);
        } else if (status == 404) {
            failure = new NotFoundException("HAP has no such resource (HTTP 404)", context, null);
        } else if (status == 429) {
            failure = new RateLimitedException("HAP throttled the call (HTTP 429)", context, retryAfter(response), null);
        } else if (status == 502 || status == 504) {
            // a gateway gave up waiting: the backend may still process the request
            failure = new VendorTimeoutException("HAP" + " gateway answered HTTP " + status, context, null);
        } else if (status >= 500) {
            failure = new VendorUnavailableException("HAP answered HTTP " + status, context, null);
        } else {
            return new VendorProtocolException("HAP answered HTTP " + status + " to " + methodKey, context, null);
        }
        if (!failure.isRetryable()) {
            return failure;
        }
        Long retryAfterMillis = failure instanceof RateLimitedException r
                ? r.retryAfter().map(Duration::toMillis).orElse(null) : null;
        return new RetryableException(status, failure.getMessage(), response.request().httpMethod(), failure,
                retryAfterMillis, response.request());
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

    private static Optional<Duration> retryAfter(Response response) {
        return response.headers().entrySet().stream()
                .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase("retry-after") && !e.getValue().isEmpty())
                .map(e -> e.getValue().iterator().next().trim())
                .filter(v -> !v.isEmpty() && v.length() <= 9 && v.chars().allMatch(Character::isDigit))
                .map(v -> Duration.ofSeconds(Long.parseLong(v)))
                .findFirst();
    }
}
