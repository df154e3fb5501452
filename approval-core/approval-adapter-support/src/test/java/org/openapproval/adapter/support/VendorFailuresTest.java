package org.openapproval.adapter.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import feign.FeignException;
import feign.Request;
import feign.RetryableException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openapproval.core.domain.ApprovalException;
import org.openapproval.core.domain.NotFoundException;
import org.openapproval.core.domain.VendorProtocolException;
import org.openapproval.core.domain.VendorTimeoutException;
import org.openapproval.core.domain.VendorUnavailableException;

class VendorFailuresTest {
    private final VendorFailures failures = new VendorFailures("acme", "Acme");

    private static RetryableException retryable(Throwable cause) {
        return new RetryableException(-1, "boom", Request.HttpMethod.POST, cause, (Long) null,
                ReadRetryerTest.REQUEST);
    }

    private static void assertNoFeignInChain(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            assertFalse(c instanceof FeignException, "a Feign exception holds the request: " + c);
        }
    }

    @Test
    void aSuccessfulCallReturnsItsValue() {
        assertEquals("ok", failures.call(() -> "ok"));
    }

    @Test
    void coreExceptionsPassThroughAndRetriesThatRanOutAreUnwrapped() {
        NotFoundException missing = new NotFoundException("gone", failures.context(), null);
        assertSame(missing, assertThrows(NotFoundException.class, () -> failures.call(() -> {
            throw missing;
        })));
        VendorUnavailableException busy = new VendorUnavailableException("busy", failures.context(), null);
        assertSame(busy, failures.translate(retryable(busy)));
    }

    @Test
    void aConnectionNeverMadeIsAnOutageAndALostAnswerATimeOut() {
        ApprovalException refused = failures.translate(retryable(new ConnectException("refused")));
        assertInstanceOf(VendorUnavailableException.class, refused);
        assertNoFeignInChain(refused);
        ApprovalException lost = failures.translate(retryable(new SocketTimeoutException("read")));
        assertInstanceOf(VendorTimeoutException.class, lost);
        assertNoFeignInChain(lost);
    }

    @Test
    void anUnreadableAnswerChainsOnlyItsIoCause() {
        IOException io = new IOException("truncated");
        FeignException decode = new FeignException.FeignClientException(200, "x", ReadRetryerTest.REQUEST, null,
                null) {
            @Override
            public synchronized Throwable getCause() {
                return io;
            }
        };
        ApprovalException e = failures.translate(decode);
        assertInstanceOf(VendorProtocolException.class, e);
        assertSame(io, e.getCause());
        assertEquals(Optional.of("acme"), e.providerId());
    }

    @Test
    void anythingElseIsAProtocolErrorWithoutACause() {
        ApprovalException e = failures.translate(new IllegalStateException("secret=s3cr3t"));
        assertInstanceOf(VendorProtocolException.class, e);
        assertNull(e.getCause());
        assertFalse(e.getMessage().contains("s3cr3t"));
    }
}
