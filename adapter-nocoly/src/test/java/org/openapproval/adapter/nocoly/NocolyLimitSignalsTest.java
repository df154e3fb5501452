package org.openapproval.adapter.nocoly;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openapproval.adapter.nocoly.client.NocolyErrorCodes;
import org.openapproval.core.domain.ErrorContext;
import org.openapproval.core.domain.RateLimitedException;

class NocolyLimitSignalsTest {
    private final NocolyLimitSignals signals = new NocolyLimitSignals(Duration.ofSeconds(5));

    @Test
    void everyThrottlingCodeHoldsOffByTheConfiguredDefaultWithoutRetryAfter() {
        for (int code : new int[] {51, 90000, 90001}) {
            var failure = NocolyErrorCodes.toException(code, ErrorContext.provider("nocoly")
                    .withVendorCode(String.valueOf(code)));
            assertEquals(Optional.of(Duration.ofSeconds(5)), signals.holdOffAfter(failure), "code " + code);
            assertEquals(Optional.empty(), signals.quotaResetsAt(failure, Instant.EPOCH),
                    "HAP names no reset time: never a remembered quota");
        }
    }

    @Test
    void aRetryAfterWinsOverTheDefault() {
        assertEquals(Optional.of(Duration.ofSeconds(42)), signals.holdOffAfter(new RateLimitedException("429",
                ErrorContext.provider("nocoly"), Optional.of(Duration.ofSeconds(42)), null)));
    }

    @Test
    void aZeroDefaultLeavesOnlyRetryAfterAndOtherFailuresHoldNothingOff() {
        NocolyLimitSignals onlyRetryAfter = new NocolyLimitSignals(Duration.ZERO);
        assertEquals(Optional.empty(), onlyRetryAfter.holdOffAfter(NocolyErrorCodes.toException(51,
                ErrorContext.provider("nocoly"))));
        assertEquals(Optional.empty(), signals.holdOffAfter(NocolyErrorCodes.toException(10001,
                ErrorContext.provider("nocoly"))));
    }
}
