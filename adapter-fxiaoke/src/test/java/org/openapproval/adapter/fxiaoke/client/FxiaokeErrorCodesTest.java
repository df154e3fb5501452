package org.openapproval.adapter.fxiaoke.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.openapproval.core.domain.ApprovalException;
import org.openapproval.core.domain.AuthenticationException;
import org.openapproval.core.domain.ErrorContext;
import org.openapproval.core.domain.InvalidRequestException;
import org.openapproval.core.domain.PermissionDeniedException;
import org.openapproval.core.domain.QuotaExhaustedException;
import org.openapproval.core.domain.RateLimitedException;
import org.openapproval.core.domain.VendorUnavailableException;

/** Every code family of the fact sheet (§4) lands on the right core exception, keeping code and trace id. */
class FxiaokeErrorCodesTest {

    private static ApprovalException map(int code, String message) {
        return FxiaokeErrorCodes.toException(code, ErrorContext.provider("fxiaoke").withVendorCode(String.valueOf(code))
                .withVendorMessage(message).withTraceId("trace-9"));
    }

    @ParameterizedTest
    @CsvSource({
            "20016, AuthenticationException", "20005, AuthenticationException", "20006, AuthenticationException",
            "20015, AuthenticationException", "20017, AuthenticationException", "10001, AuthenticationException",
            "10002, AuthenticationException", "10012, AuthenticationException", "11001, AuthenticationException",
            "11002, AuthenticationException", "11013, AuthenticationException", "11015, AuthenticationException",
            "14001, RateLimitedException", "30004, RateLimitedException",
            "30002, QuotaExhaustedException", "30003, QuotaExhaustedException",
            "15003, PermissionDeniedException", "20012, PermissionDeniedException", "20014, PermissionDeniedException",
            "20020, PermissionDeniedException", "20021, PermissionDeniedException", "20022, PermissionDeniedException",
            "20023, PermissionDeniedException",
            "-1, VendorUnavailableException", "-2, VendorUnavailableException", "50009, VendorTimeoutException",
            "15002, InvalidRequestException", "32000, InvalidRequestException", "11009, InvalidRequestException",
            "30027, InvalidRequestException", "40010, InvalidRequestException", "12004, InvalidRequestException",
            "99999, InvalidRequestException"})
    void codesMapToTheirFamily(int code, String expected) {
        ApprovalException e = map(code, "vendor says no");
        assertEquals(expected, e.getClass().getSimpleName());
        assertEquals(Optional.of(String.valueOf(code)), e.vendorCode());
        assertEquals(Optional.of("trace-9"), e.traceId());
        assertTrue(e.getMessage().contains("trace id=trace-9") && e.getMessage().contains("vendor code=" + code),
                e.getMessage());
    }

    @Test
    void code10013IsAnOffsetErrorOnQueriesAndACredentialErrorOtherwise() {
        assertInstanceOf(InvalidRequestException.class, map(10013, "offset out of range 10000"));
        assertInstanceOf(AuthenticationException.class, map(10013, "corpAccessToken is required"));
    }

    @Test
    void onlyThrottlingAndOutagesAreRetryable() {
        assertTrue(map(14001, "").isRetryable());
        assertTrue(map(-1, "").isRetryable());
        assertEquals(false, map(30002, "").isRetryable(), "a used-up daily quota does not come back by retrying");
        assertEquals(false, map(32000, "").isRetryable());
        assertInstanceOf(RateLimitedException.class, map(30004, ""));
        assertInstanceOf(QuotaExhaustedException.class, map(30003, ""));
        assertInstanceOf(PermissionDeniedException.class, map(15003, ""));
        assertInstanceOf(VendorUnavailableException.class, map(50009, ""));
    }
}
