package org.openapproval.adapter.nocoly.client;

import com.fasterxml.jackson.databind.JsonNode;
import feign.RetryableException;
import feign.Response;
import feign.codec.Decoder;
import java.io.IOException;
import java.lang.reflect.Type;
import org.openapproval.adapter.nocoly.dto.HapEnvelope;
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

    public EnvelopeCheckingDecoder(Decoder delegate) {
        this.delegate = delegate;
    }

    @Override
    public Object decode(Response response, Type type) throws IOException {
        Object decoded = delegate.decode(response, type);
        if (decoded == null) {
            throw new VendorProtocolException("HAP answered with an empty body", NocolyFailures.context(), null);
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
            if (e.status() == null || e.status() != 1) {
                failedCode = e.code() == null ? 0 : e.code();
                message = e.msg();
            }
        } else if (decoded instanceof JsonNode node && node.has("error_code")) {
            int code = node.path("error_code").asInt(0);
            if (code != NocolyErrorCodes.SUCCESS || node.path("success").asBoolean(true) == Boolean.FALSE) {
                failedCode = code;
                message = node.path("error_msg").asText(null);
            }
        }
        if (failedCode == null) {
            return decoded;
        }
        ErrorContext context = NocolyFailures.context().withVendorCode(String.valueOf(failedCode))
                .withVendorMessage(message);
        ApprovalException failure = NocolyErrorCodes.toException(failedCode, context);
        if (failure.isRetryable()) {
            throw new RetryableException(response.status(), failure.getMessage(), response.request().httpMethod(),
                    failure, (Long) null, response.request());
        }
        throw failure;
    }
}
