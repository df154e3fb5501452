package org.openapproval.adapter.nocoly.client;

import static org.openapproval.adapter.nocoly.client.NocolyErrorCodes.FAILURES;

import com.fasterxml.jackson.databind.JsonNode;
import feign.Response;
import feign.codec.Decoder;
import java.io.IOException;
import java.lang.reflect.Type;
import org.openapproval.adapter.nocoly.dto.HapEnvelope;
import org.openapproval.adapter.support.ReadRetryer;
import org.openapproval.adapter.support.Scrubber;
import org.openapproval.adapter.nocoly.dto.OrgEnvelope;
import org.openapproval.core.domain.ApprovalException;
import org.openapproval.core.domain.ErrorContext;
import org.openapproval.core.domain.VendorProtocolException;

/**
 * Decodes a 2xx answer and checks its envelope, because HAP reports business errors inside HTTP 200:
 * V3 {@code error_code} must be 1 (and {@code success} not false), the organization API's {@code status} 1.
 * A retryable code (throttling, data exception) goes to the retryer; the rest are raised.
 */
public final class EnvelopeCheckingDecoder implements Decoder {
    private final Decoder delegate;
    private final Scrubber scrubber;

    /** @param scrubber filters the vendor's messages, which may echo the request (signatures, keys) */
    public EnvelopeCheckingDecoder(Decoder delegate, Scrubber scrubber) {
        this.delegate = delegate;
        this.scrubber = scrubber;
    }

    /** A tree answer (W3) is an envelope when it carries the envelope's own fields, not just outputs. */
    public static boolean isEnvelope(JsonNode node) {
        return node.isObject() && (node.has("error_code")
                || (node.path("success").isBoolean() && (node.has("data") || node.has("error_msg"))));
    }

    @Override
    public Object decode(Response response, Type type) throws IOException {
        Object decoded = delegate.decode(response, type);
        if (decoded == null) {
            throw new VendorProtocolException("HAP answered with an empty body", FAILURES.context(), null);
        }
        Integer failedCode = null;
        String message = null;
        if (decoded instanceof HapEnvelope e) {
            boolean ok = e.errorCode() != null ? e.errorCode() == NocolyErrorCodes.SUCCESS : Boolean.TRUE.equals(e.success());
            if (!ok || Boolean.FALSE.equals(e.success())) {
                failedCode = e.errorCode() == null ? 0 : e.errorCode();
                message = e.errorMsg();
            }
        } else if (decoded instanceof OrgEnvelope e) {
            // the organization API answers {status, data, msg}; some of its pages name the V3 fields instead,
            // which arrive here as code (error_code) and msg (error_msg)
            boolean ok = e.status() != null ? e.status() == 1 : e.code() != null && e.code() == NocolyErrorCodes.SUCCESS;
            if (!ok) {
                failedCode = e.code() == null ? 0 : e.code();
                message = e.msg();
            }
        } else if (decoded instanceof JsonNode node && isEnvelope(node)) {
            int code = node.path("error_code").asInt(node.path("success").asBoolean(false) ? NocolyErrorCodes.SUCCESS : 0);
            if (code != NocolyErrorCodes.SUCCESS || !node.path("success").asBoolean(true)) {
                failedCode = code;
                message = node.path("error_msg").asText(null);
            }
        }
        if (failedCode == null) {
            return decoded;
        }
        ErrorContext context = FAILURES.context().withVendorCode(String.valueOf(failedCode))
                .withVendorMessage(scrubber.scrub(message));
        ApprovalException failure = NocolyErrorCodes.toException(failedCode, context);
        if (failure.isRetryable()) {
            throw ReadRetryer.retryable(response, failure);
        }
        throw failure;
    }
}
