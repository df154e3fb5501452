package org.openapproval.adapter.nocoly.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Request;
import feign.Response;
import feign.RetryableException;
import feign.jackson.JacksonDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openapproval.adapter.nocoly.dto.BatchApprovalResponse;
import org.openapproval.adapter.support.VendorJson;
import org.openapproval.core.domain.ApprovalException;
import org.openapproval.core.domain.InvalidRequestException;
import org.openapproval.core.domain.RateLimitedException;

/** Envelopes in all their documented variants, and non-2xx answers with and without a HAP body. */
class NocolyDecodersTest {
    private static final Request REQUEST = Request.create(Request.HttpMethod.POST, "http://127.0.0.1/x", Map.of(),
            new byte[0], StandardCharsets.UTF_8, null);
    private final ObjectMapper json = VendorJson.create();
    private final EnvelopeCheckingDecoder decoder = new EnvelopeCheckingDecoder(new JacksonDecoder(json),
            org.openapproval.adapter.support.Scrubber.GENERIC);
    private final HttpStatusErrorDecoder errors = new HttpStatusErrorDecoder(json, org.openapproval.adapter.support.Scrubber.GENERIC);

    private static Response response(int status, String body, Map<String, Collection<String>> headers) {
        return Response.builder().status(status).request(REQUEST).headers(headers)
                .body(body, StandardCharsets.UTF_8).build();
    }

    @Test
    void theOrganizationApiMaySpeakEitherEnvelope() throws Exception {
        assertEquals(Boolean.TRUE, ((BatchApprovalResponse) decoder.decode(response(200,
                "{\"status\":1,\"data\":true,\"msg\":\"成功\"}", Map.of()), BatchApprovalResponse.class)).data()
                .asBoolean());
        assertEquals(Boolean.TRUE, ((BatchApprovalResponse) decoder.decode(response(200,
                "{\"success\":true,\"error_code\":1,\"data\":true}", Map.of()), BatchApprovalResponse.class)).data()
                .asBoolean(), "the V3-style envelope is success too, so an applied approval is not reported failed");
        ApprovalException e = assertThrows(ApprovalException.class, () -> decoder.decode(response(200,
                "{\"status\":0,\"code\":10102,\"msg\":\"bad sign\"}", Map.of()), BatchApprovalResponse.class));
        assertEquals(Optional.of("10102"), e.vendorCode());
    }

    @Test
    void aHookAnswerIsAnEnvelopeOnlyWhenItLooksLikeOne() throws Exception {
        assertThrows(InvalidRequestException.class, () -> decoder.decode(response(200,
                "{\"success\":false,\"error_msg\":\"boom\"}", Map.of()), JsonNode.class));
        JsonNode bare = (JsonNode) decoder.decode(response(200, "{\"result\":\"ok\",\"success\":\"yes\"}", Map.of()),
                JsonNode.class);
        assertEquals("ok", bare.get("result").asText(), "outputs that merely contain a field named success pass");
        assertEquals(true, EnvelopeCheckingDecoder.isEnvelope(json.readTree("{\"success\":true,\"data\":{}}")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "401|{\"error_code\":10102,\"error_msg\":\"Http Headers verification failed\"}|AuthenticationException",
            "401||AuthenticationException", "403||PermissionDeniedException", "404||NotFoundException",
            "400|<html>bad</html>|VendorProtocolException"})
    void nonRetryableStatuses(int status, String body, String expected) {
        Exception e = errors.decode("m", response(status, body == null ? "" : body, Map.of()));
        assertEquals(expected, e.getClass().getSimpleName());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"500|{\"code\":502}|VendorUnavailableException",
            "503||VendorUnavailableException", "502|{\"error_code\":0}|VendorTimeoutException",
            "504||VendorTimeoutException", "429||RateLimitedException"})
    void retryableStatusesIgnoreWhatTheirBodySays(int status, String body, String expected) {
        Exception e = errors.decode("m", response(status, body == null ? "" : body, Map.of()));
        RetryableException r = assertInstanceOf(RetryableException.class, e);
        assertEquals(expected, r.getCause().getClass().getSimpleName());
    }

    @Test
    void retryAfterIsReadWhenSaneAndCappedWhenAbsurd() {
        RetryableException sane = (RetryableException) errors.decode("m", response(429, "",
                Map.of("Retry-After", List.of("7"))));
        assertEquals(Optional.of(Duration.ofSeconds(7)), ((RateLimitedException) sane.getCause()).retryAfter());
        RetryableException absurd = (RetryableException) errors.decode("m", response(429, "",
                Map.of("Retry-After", List.of("99999999999999999"))));
        // issue 10: an absurd wait is a rate limit with a capped wait, not ignored
        assertEquals(Optional.of(org.openapproval.adapter.support.RetryAfter.MAX_WAIT),
                ((RateLimitedException) absurd.getCause()).retryAfter());
    }
}
