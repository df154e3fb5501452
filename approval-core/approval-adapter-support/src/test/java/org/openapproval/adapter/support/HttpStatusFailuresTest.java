package org.openapproval.adapter.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import feign.Response;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openapproval.core.domain.ApprovalException;
import org.openapproval.core.domain.ErrorContext;
import org.openapproval.core.domain.RateLimitedException;
import org.openapproval.core.domain.VendorTimeoutException;
import org.openapproval.core.domain.VendorUnavailableException;

class HttpStatusFailuresTest {
    private static Optional<ApprovalException> of(int status, Map<String, Collection<String>> headers) {
        Response response = Response.builder().status(status).request(ReadRetryerTest.REQUEST).headers(headers)
                .build();
        return HttpStatusFailures.transientFailure(response, "Acme", ErrorContext.provider("acme"));
    }

    @Test
    void status429IsThrottlingWithTheRetryAfter() {
        RateLimitedException e = assertInstanceOf(RateLimitedException.class,
                of(429, Map.of("Retry-After", List.of("3"))).orElseThrow());
        assertEquals(Optional.of(Duration.ofSeconds(3)), e.retryAfter());
        assertEquals(Optional.of("HTTP 429"), e.vendorCode());
        assertEquals("Acme throttled the call (HTTP 429)", e.getMessage().replaceAll(" \\[.*", ""));
    }

    @ParameterizedTest
    @ValueSource(ints = {502, 504})
    void aGatewayTimeOutMayStillBeProcessed(int status) {
        assertInstanceOf(VendorTimeoutException.class, of(status, Map.of()).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 503, 599})
    void otherServerErrorsAreOutages(int status) {
        assertInstanceOf(VendorUnavailableException.class, of(status, Map.of()).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 409, 302})
    void otherStatusesAreTheAdaptersBusiness(int status) {
        assertEquals(Optional.empty(), of(status, Map.of()));
    }
}
