package org.openapproval.core;

import org.openapproval.core.domain.ErrorContext;
import org.openapproval.core.domain.InvalidRequestException;
import org.openapproval.core.domain.RateLimitedException;
import org.openapproval.core.domain.VendorUnavailableException;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openapproval.core.bootstrap.UnknownProviderException;
import org.openapproval.core.port.in.Capability;
import org.openapproval.core.port.in.UnsupportedCapabilityException;

/** Exceptions cross JVM boundaries (RMI, job queues, distributed caches) with everything a caller reads from them. */
class ExceptionSerializationTest {
    private static final ErrorContext CONTEXT = ErrorContext.provider("fxiaoke").withVendorCode("30004")
            .withVendorMessage("too frequent").withTraceId("trace-1");

    @Test
    void contextSurvivesARoundTrip() throws Exception {
        VendorUnavailableException copy = roundTrip(new VendorUnavailableException("down", CONTEXT, null));
        assertEquals(Optional.of("fxiaoke"), copy.providerId());
        assertEquals(Optional.of("30004"), copy.vendorCode());
        assertEquals(Optional.of("trace-1"), copy.traceId());
        assertEquals(CONTEXT, copy.context());
        assertEquals("down", copy.reason());
    }

    @Test
    void retryAfterSurvivesARoundTrip() throws Exception {
        RateLimitedException copy = roundTrip(new RateLimitedException("slow down", CONTEXT,
                Optional.of(Duration.ofSeconds(7)), null));
        assertEquals(Optional.of(Duration.ofSeconds(7)), copy.retryAfter());
        assertEquals(Optional.of("fxiaoke"), copy.providerId());
        assertEquals(Optional.empty(), roundTrip(new RateLimitedException("slow down", CONTEXT, Optional.empty(), null))
                .retryAfter());
    }

    @Test
    void anEmptyContextStaysEmpty() throws Exception {
        InvalidRequestException copy = roundTrip(new InvalidRequestException("bad", ErrorContext.none(), null));
        assertEquals(ErrorContext.none(), copy.context());
    }

    @Test
    void hostSideExceptionsKeepTheirDetails() throws Exception {
        UnsupportedCapabilityException unsupported = roundTrip(new UnsupportedCapabilityException("nocoly",
                Capability.APPROVE, "no organization key"));
        assertEquals(Capability.APPROVE, unsupported.capability());
        assertEquals(Optional.of("nocoly"), unsupported.providerId());
        UnknownProviderException unknown = roundTrip(new UnknownProviderException("fxiaok", List.of("fxiaoke", "nocoly")));
        assertEquals(List.of("fxiaoke", "nocoly"), unknown.knownIds());
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T roundTrip(T original) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(original);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            T copy = (T) in.readObject();
            assertEquals(original.getMessage(), copy.getMessage());
            return copy;
        }
    }
}
