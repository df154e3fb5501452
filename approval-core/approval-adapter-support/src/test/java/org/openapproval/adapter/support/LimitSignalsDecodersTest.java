package org.openapproval.adapter.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import feign.Request;
import feign.Response;
import feign.codec.Decoder;
import feign.codec.ErrorDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openapproval.core.domain.ErrorContext;
import org.openapproval.core.domain.QuotaExhaustedException;
import org.openapproval.core.domain.RateLimitedException;
import org.openapproval.tck.MutableClock;

/** Both decoders show the failures they see to the shared limits, and change nothing else. */
class LimitSignalsDecodersTest {
    private static final Instant MIDNIGHT = Instant.parse("2026-11-23T16:00:00Z");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
    private final InProcessSharedState state = new InProcessSharedState(clock);
    private final TokenKey tenant = TokenKey.of("tenant");
    private final SharedLimits limits = new SharedLimits(state.rateBudget(tenant, RateLimit.unlimited(Duration.ZERO)),
            state.quota(tenant), (failure, now) -> failure.vendorCode().filter("Q1"::equals).map(c -> MIDNIGHT),
            clock, ErrorContext.provider("acme"));

    static Response answer(int status, String body) {
        Request request = Request.create(Request.HttpMethod.GET, "http://127.0.0.1/things", Map.of(), new byte[0],
                StandardCharsets.UTF_8, null);
        return Response.builder().status(status).request(request).headers(Map.of())
                .body(body, StandardCharsets.UTF_8).build();
    }

    @Test
    void aDecodedAnswerPassesThroughUntouched() throws Exception {
        Object decoded = List.of("thing");
        Decoder decoder = new LimitSignalsDecoder((response, type) -> decoded, limits);

        assertSame(decoded, decoder.decode(answer(200, "{}"), Object.class));
        limits.beforeCall(); // neither held off nor refused
    }

    @Test
    void aQuotaFailureInA2xxEnvelopeIsRecordedAndRethrownAsItWas() {
        QuotaExhaustedException envelope = new QuotaExhaustedException("quota",
                ErrorContext.provider("acme").withVendorCode("Q1").withVendorMessage("gone"), null);
        Decoder decoder = new LimitSignalsDecoder((response, type) -> {
            throw envelope;
        }, limits);

        assertSame(envelope, assertThrows(QuotaExhaustedException.class,
                () -> decoder.decode(answer(200, "{}"), Object.class)));

        QuotaExhaustedException refused = assertThrows(QuotaExhaustedException.class, limits::beforeCall);
        assertEquals(Optional.of("Q1"), refused.vendorCode());
    }

    @Test
    void aRetryableThrottlingInA2xxEnvelopeHoldsEveryCallerOff() {
        RateLimitedException limited = new RateLimitedException("throttled", ErrorContext.provider("acme"),
                Optional.of(Duration.ofSeconds(3)), null);
        Decoder decoder = new LimitSignalsDecoder((response, type) -> {
            throw ReadRetryer.retryable(response, limited);
        }, limits);

        assertThrows(feign.RetryableException.class, () -> decoder.decode(answer(200, "{}"), Object.class));

        RateLimitedException refused = assertThrows(RateLimitedException.class, limits::beforeCall);
        assertEquals(Optional.of(Duration.ofSeconds(3)), refused.retryAfter());
    }

    @Test
    void aNon2xxFailureIsReturnedAsTheDelegateMadeItAndItsRetryAfterHoldsEveryCallerOff() {
        RateLimitedException limited = new RateLimitedException("HTTP 429", ErrorContext.provider("acme"),
                Optional.of(Duration.ofSeconds(4)), null);
        ErrorDecoder decoder = new LimitSignalsErrorDecoder((methodKey, response) -> limited, limits);

        assertSame(limited, decoder.decode("Api#get()", answer(429, "")));

        clock.advance(Duration.ofSeconds(1));
        RateLimitedException refused = assertThrows(RateLimitedException.class, limits::beforeCall);
        assertEquals(Optional.of(Duration.ofSeconds(3)), refused.retryAfter(), "what is left of the 4 s");
        clock.advance(Duration.ofSeconds(3));
        limits.beforeCall();
    }

    @Test
    void aNon2xxFailureThatSaysNothingAboutLimitsChangesNothing() {
        IllegalStateException other = new IllegalStateException("HTTP 500");
        ErrorDecoder decoder = new LimitSignalsErrorDecoder((methodKey, response) -> other, limits);

        assertSame(other, decoder.decode("Api#get()", answer(500, "")));
        limits.beforeCall();
    }
}
