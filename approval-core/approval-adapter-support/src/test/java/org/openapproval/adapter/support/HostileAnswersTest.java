package org.openapproval.adapter.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import feign.Request;
import feign.Response;
import feign.RetryableException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openapproval.core.domain.ErrorContext;
import org.openapproval.core.domain.RateLimitedException;
import org.openapproval.core.domain.VendorUnavailableException;

/** Retry-After on 429 and 503, absurd values, the JDK's hidden retries, and the scrubber (issue 10). */
class HostileAnswersTest {
    private static final ErrorContext CONTEXT = ErrorContext.provider("test");
    private final List<Duration> pauses = new ArrayList<>();

    private static Response answer(int status, String retryAfter) {
        Map<String, Collection<String>> headers = retryAfter == null ? Map.of() : Map.of("Retry-After",
                List.of(retryAfter));
        return Response.builder().status(status).reason("").headers(headers).request(ReadRetryerTest.REQUEST)
                .body(new byte[0]).build();
    }

    private ReadRetryer reads(int attempts) {
        return ReadRetryer.reads(new RetryPolicy(attempts, Duration.ofMillis(100), Duration.ofSeconds(5)),
                pauses::add, () -> 0L);
    }

    @Test
    void retryAfterOnA503IsHonoured() {
        Response busy = answer(503, "2");
        RetryableException e = ReadRetryer.retryable(busy,
                HttpStatusFailures.transientFailure(busy, "V", CONTEXT).orElseThrow());
        reads(3).continueOrPropagate(e);
        assertEquals(List.of(Duration.ofSeconds(2)), pauses);
    }

    @Test
    void anAbsurdRetryAfterIsARateLimitWithACappedWait() {
        for (String absurd : List.of("99999999999999999", "999999999999999999999999999", "4000000000")) {
            Response throttled = answer(429, absurd);
            RateLimitedException limited = (RateLimitedException) HttpStatusFailures.transientFailure(throttled, "V",
                    CONTEXT).orElseThrow();
            assertEquals(Optional.of(RetryAfter.MAX_WAIT), limited.retryAfter(), absurd);
            RetryableException e = ReadRetryer.retryable(throttled, limited);
            RetryableException thrown = assertThrows(RetryableException.class, () -> reads(3).continueOrPropagate(e));
            assertInstanceOf(RateLimitedException.class, new VendorFailures("test", "V").translate(thrown));
        }
        assertTrue(pauses.isEmpty(), "a wait beyond the cap is the caller's to decide");
    }

    @Test
    void aGetTheJdkAlreadyRepeatedCountsTwiceAndIsNotSentBeyondTheAttempts() {
        RetryableException twice = new RetryableException(-1, "reset", Request.HttpMethod.GET,
                new TransportRetriedException(new java.io.IOException("received no bytes")), (Long) null,
                ReadRetryerTest.REQUEST);
        assertThrows(RetryableException.class, () -> reads(3).continueOrPropagate(twice),
                "2 sends made; another attempt could make 4 of 3");
        ReadRetryer four = reads(4);
        four.continueOrPropagate(twice); // 2 made, 2 more fit
        assertThrows(RetryableException.class, () -> four.continueOrPropagate(twice));
    }

    @Test
    void aTooLargeAnswerIsNotRetriedAndIsAProtocolError() {
        RetryableException tooLarge = new RetryableException(-1, "large", Request.HttpMethod.POST,
                new ResponseTooLargeException(1024), (Long) null, ReadRetryerTest.REQUEST);
        assertThrows(RetryableException.class, () -> reads(3).continueOrPropagate(tooLarge));
        assertTrue(new VendorFailures("test", "V").translate(tooLarge).getMessage().contains("max-response-size"));
    }

    @Test
    void theScrubberMasksSecretsTokensSignaturesAndSignedUrlsAndEscapesControls() {
        Scrubber scrubber = Scrubber.of(List.of("s3cr3t-value", "perm-code-123"));
        scrubber.addToken("tok-abcdef-123456");
        String echoed = "bad request {\"appSecret\":\"s3cr3t-value\",\"permanentCode\":\"perm-code-123\"} "
                + "authorization=Bearer tok-abcdef-123456 url https://x.example/workflow?appKey=k&sign=QUJD== "
                + "hap-sign=ZmFrZXNpZ24= corpAccessToken: live-one \u001b[31mred\u001b]0;title\u0007 \u202eevil";
        String clean = scrubber.scrub(echoed);
        for (String leaked : List.of("s3cr3t-value", "perm-code-123", "tok-abcdef-123456", "QUJD", "ZmFrZXNpZ24",
                "live-one", "\u001b", "\u0007", "\u202e")) {
            assertFalse(clean.contains(leaked), leaked + " in " + clean);
        }
        assertTrue(clean.contains("\\u001b[31mred"), clean);
        assertEquals("plain text stays", scrubber.scrub("plain text stays"));
    }

    @Test
    void badHeaderValuesAreRefusedByTheClientAsNeverSent() throws Exception {
        try (VendorHttpClient http = VendorHttpClient.open(java.net.URI.create("http://127.0.0.1:9"),
                Duration.ofMillis(200), "hostile-test")) {
            Request bad = Request.create(Request.HttpMethod.GET, "http://127.0.0.1:9/x?sign=SECRETSIGN",
                    Map.of("x-a", List.of("a\r\nb")), new byte[0], StandardCharsets.UTF_8, null);
            RequestNotSentException e = assertThrows(RequestNotSentException.class,
                    () -> http.execute(bad, new Request.Options(Duration.ofMillis(200), Duration.ofMillis(200), false)));
            assertFalse(e.getMessage().contains("SECRETSIGN"), e.getMessage());
            assertInstanceOf(VendorUnavailableException.class, TransportFailures.of(e, "V", CONTEXT),
                    "never sent: an outage, not an unknown outcome");
        }
    }
}
