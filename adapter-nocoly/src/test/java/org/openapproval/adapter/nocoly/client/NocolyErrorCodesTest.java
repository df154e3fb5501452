package org.openapproval.adapter.nocoly.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openapproval.core.domain.ApprovalException;
import org.openapproval.core.domain.ErrorContext;

/** Every code family of the fact sheet (§3) lands on the right core exception, code and message kept. */
class NocolyErrorCodesTest {

    @ParameterizedTest
    @CsvSource({"51, RateLimitedException", "90000, RateLimitedException", "90001, RateLimitedException",
            "10101, AuthenticationException", "10102, AuthenticationException", "10105, AuthenticationException",
            "10106, AuthenticationException", "10005, PermissionDeniedException", "10000, PermissionDeniedException",
            "430014, PermissionDeniedException", "10007, NotFoundException", "430013, NotFoundException",
            "430022, NotFoundException", "10001, InvalidRequestException", "10002, InvalidRequestException",
            "10006, InvalidRequestException", "100005, InvalidRequestException", "430019, InvalidRequestException",
            "0, InvalidRequestException", "99999, VendorUnavailableException", "123, InvalidRequestException"})
    void codesMapToTheirFamily(int code, String expected) {
        ApprovalException e = NocolyErrorCodes.toException(code, ErrorContext.provider("nocoly")
                .withVendorCode(String.valueOf(code)).withVendorMessage("vendor says no"));
        assertEquals(expected, e.getClass().getSimpleName());
        assertEquals(Optional.of(String.valueOf(code)), e.vendorCode());
        assertTrue(e.getMessage().contains("vendor says no"), e.getMessage());
    }
}
