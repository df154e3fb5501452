package org.openapproval.adapter.fxiaoke.client;

import feign.RetryableException;
import feign.Response;
import feign.codec.Decoder;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.function.Function;
import org.openapproval.adapter.fxiaoke.dto.FxiaokeEnvelope;
import org.openapproval.core.domain.ApprovalException;
import org.openapproval.core.domain.ErrorContext;
import org.openapproval.core.domain.VendorProtocolException;

/**
 * Decodes a 2xx answer and checks its {@code errorCode}, because Fxiaoke reports business errors inside
 * HTTP 200. A non-zero code becomes the core's exception; 20016 also invalidates the token the request
 * carried and is handed to the retryer as retryable, so the call is replayed once with a fresh token.
 */
public final class EnvelopeCheckingDecoder implements Decoder {
    private final Decoder delegate;
    private final TokenCache tokens;
    private final Function<feign.Request, String> tokenOfRequest;

    public EnvelopeCheckingDecoder(Decoder delegate, TokenCache tokens, Function<feign.Request, String> tokenOfRequest) {
        this.delegate = delegate;
        this.tokens = tokens;
        this.tokenOfRequest = tokenOfRequest;
    }

    @Override
    public Object decode(Response response, Type type) throws IOException {
        Object decoded = delegate.decode(response, type);
        if (!(decoded instanceof FxiaokeEnvelope envelope)) {
            throw new VendorProtocolException("Fxiaoke answered " + response.request().url().replaceAll("\\?.*", "")
                    + " with an empty body", FxiaokeFailures.context(), null);
        }
        Integer code = envelope.errorCode();
        if (code == null) {
            throw new VendorProtocolException("Fxiaoke's answer has no errorCode", contextOf(envelope, null), null);
        }
        if (code == FxiaokeErrorCodes.SUCCESS) {
            return decoded;
        }
        ErrorContext context = contextOf(envelope, code);
        ApprovalException failure = FxiaokeErrorCodes.toException(code, context);
        if (code == FxiaokeErrorCodes.TOKEN_EXPIRED && tokens != null) {
            tokens.invalidate(tokenOfRequest.apply(response.request()));
            throw new RetryableException(response.status(), failure.getMessage(), response.request().httpMethod(),
                    failure, (Long) null, response.request());
        }
        if (failure.isRetryable()) {
            throw new RetryableException(response.status(), failure.getMessage(), response.request().httpMethod(),
                    failure, (Long) null, response.request());
        }
        throw failure;
    }

    private static ErrorContext contextOf(FxiaokeEnvelope envelope, Integer code) {
        ErrorContext c = FxiaokeFailures.context().withTraceId(envelope.traceId());
        if (code != null) {
            c = c.withVendorCode(String.valueOf(code)).withVendorMessage(envelope.errorMessage());
        }
        return c;
    }
}
