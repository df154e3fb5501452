package org.openapproval.adapter.fxiaoke.client;

import static org.openapproval.adapter.fxiaoke.client.FxiaokeErrorCodes.FAILURES;

import feign.Request;
import feign.Response;
import feign.codec.Decoder;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Optional;
import java.util.function.Consumer;
import org.openapproval.adapter.fxiaoke.dto.FxiaokeEnvelope;
import org.openapproval.adapter.support.ReadRetryer;
import org.openapproval.adapter.support.Scrubber;
import org.openapproval.core.domain.ApprovalException;
import org.openapproval.core.domain.ErrorContext;
import org.openapproval.core.domain.VendorProtocolException;

/**
 * Decodes a 2xx answer and checks its {@code errorCode}, because Fxiaoke reports business errors inside
 * HTTP 200. A non-zero code becomes the core's exception. On calls that carry a token, 20016 also
 * invalidates the token the request carried and goes to the retryer, which replays the call once.
 */
public final class EnvelopeCheckingDecoder implements Decoder {
    private final Decoder delegate;
    private final Optional<Consumer<Request>> refusedToken;
    private final Scrubber scrubber;

    private EnvelopeCheckingDecoder(Decoder delegate, Optional<Consumer<Request>> refusedToken, Scrubber scrubber) {
        this.delegate = delegate;
        this.refusedToken = refusedToken;
        this.scrubber = scrubber;
    }

    /**
     * For the token endpoints: a 20016 there is a plain authentication failure. The vendor's message passes
     * {@code scrubber}: some echo the request, app secret and permanent code included.
     */
    public static EnvelopeCheckingDecoder forTokenCalls(Decoder delegate, Scrubber scrubber) {
        return new EnvelopeCheckingDecoder(delegate, Optional.empty(), scrubber);
    }

    /** For calls made with a token; {@code invalidate} forgets the token of a request refused with 20016. */
    public static EnvelopeCheckingDecoder invalidatingRefusedTokens(Decoder delegate, Consumer<Request> invalidate,
                                                                    Scrubber scrubber) {
        return new EnvelopeCheckingDecoder(delegate, Optional.of(invalidate), scrubber);
    }

    @Override
    public Object decode(Response response, Type type) throws IOException {
        Object decoded = delegate.decode(response, type);
        if (!(decoded instanceof FxiaokeEnvelope envelope)) {
            throw new VendorProtocolException("Fxiaoke answered " + response.request().url().replaceAll("\\?.*", "")
                    + " with an empty body", FAILURES.context(), null);
        }
        Integer code = envelope.errorCode();
        if (code == null) {
            throw new VendorProtocolException("Fxiaoke's answer has no errorCode", contextOf(envelope, null, scrubber), null);
        }
        if (code == FxiaokeErrorCodes.SUCCESS) {
            return decoded;
        }
        ErrorContext context = contextOf(envelope, code, scrubber);
        ApprovalException failure = FxiaokeErrorCodes.toException(code, context);
        if (code == FxiaokeErrorCodes.TOKEN_EXPIRED && refusedToken.isPresent()) {
            refusedToken.get().accept(response.request());
            throw ReadRetryer.retryable(response, failure);
        }
        if (failure.isRetryable()) {
            throw ReadRetryer.retryable(response, failure);
        }
        throw failure;
    }

    private static ErrorContext contextOf(FxiaokeEnvelope envelope, Integer code, Scrubber scrubber) {
        ErrorContext c = FAILURES.context().withTraceId(scrubber.scrub(envelope.traceId()));
        if (code != null) {
            c = c.withVendorCode(String.valueOf(code)).withVendorMessage(scrubber.scrub(envelope.errorMessage()));
        }
        return c;
    }
}
