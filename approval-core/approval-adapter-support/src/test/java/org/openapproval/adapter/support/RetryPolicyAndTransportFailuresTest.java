package org.openapproval.adapter.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openapproval.core.domain.ErrorContext;
import org.openapproval.core.domain.VendorTimeoutException;
import org.openapproval.core.domain.VendorUnavailableException;

class RetryPolicyAndTransportFailuresTest {
    private final RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofMillis(250));

    @Test
    void pausesGrowCappedWithJitterAndStopAtTheAttemptLimit() {
        assertEquals(Optional.of(Duration.ofMillis(100)), policy.pauseAfter(1, Optional.empty(), () -> 100));
        assertEquals(Optional.of(Duration.ofMillis(200)), policy.pauseAfter(2, Optional.empty(), () -> 200));
        assertEquals(Optional.empty(), policy.pauseAfter(3, Optional.empty(), () -> 0), "3 attempts made");
        assertTrue(policy.jitter(60, () -> Long.MAX_VALUE).toMillis() <= 250, "no overflow, capped");
        assertEquals(Duration.ZERO, policy.jitter(2, () -> 0));
    }

    @Test
    void aVendorRetryAfterIsUsedUpToTheCapElseTheCallerDecides() {
        assertEquals(Optional.of(Duration.ofMillis(200)), policy.pauseAfter(1, Optional.of(Duration.ofMillis(200)),
                () -> 0));
        assertEquals(Optional.empty(), policy.pauseAfter(1, Optional.of(Duration.ofHours(1)), () -> 0));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO));
    }

    @Test
    void connectionsNeverMadeAreOutagesAnythingLaterMayStillArrive() {
        ErrorContext ctx = ErrorContext.provider("v");
        assertInstanceOf(VendorUnavailableException.class, TransportFailures.of(new ConnectException("refused"), "V", ctx));
        assertEquals(VendorUnavailableException.class,
                TransportFailures.of(new HttpConnectTimeoutException("slow connect"), "V", ctx).getClass());
        assertInstanceOf(VendorTimeoutException.class, TransportFailures.of(new HttpTimeoutException("read"), "V", ctx));
        assertInstanceOf(VendorTimeoutException.class, TransportFailures.of(new SocketTimeoutException(), "V", ctx));
        assertInstanceOf(VendorTimeoutException.class, TransportFailures.of(new IOException("reset"), "V", ctx));
    }
}
