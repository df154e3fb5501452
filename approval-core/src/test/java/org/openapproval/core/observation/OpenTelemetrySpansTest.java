package org.openapproval.core.observation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openapproval.core.Approvals;
import org.openapproval.core.domain.ApprovalMode;
import org.openapproval.core.domain.ApprovalProcess;
import org.openapproval.core.domain.ErrorContext;
import org.openapproval.core.domain.PermissionDeniedException;
import org.openapproval.core.domain.StepPlan;
import org.openapproval.core.domain.Task;
import org.openapproval.core.domain.UserRef;
import org.openapproval.core.inmemory.InMemoryApprovalProvider;
import org.openapproval.core.inmemory.InMemoryApprovalStore;
import org.openapproval.core.port.in.ApprovalService;
import org.openapproval.core.port.in.ApproveCommand;
import org.openapproval.core.spi.ApprovalObserver;
import org.openapproval.core.spi.ProviderConfig;

/**
 * What a tracing backend receives through Micrometer Tracing's OpenTelemetry bridge: one span per service
 * call, the vendor exchanges as its children, the low-cardinality keys and the vendor's trace id as span
 * attributes, error status on a failure, and no id, user or comment anywhere in a span.
 *
 * <p>The in-memory store stands in for the vendor; its interceptor reports each store call as an HTTP
 * exchange through the same observer, as an adapter's Feign client does.
 */
class OpenTelemetrySpansTest {
    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    private static final UserRef ALICE = UserRef.of("alice-initiator");
    private static final UserRef BOB = UserRef.of("bob-approver");
    private static final String COMMENT = "a private comment";

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final SdkTracerProvider tracing = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
    private final ObservationRegistry observations = ObservationRegistry.create();
    private final MicrometerApprovalObserver observer = new MicrometerApprovalObserver(observations);
    private final InMemoryApprovalStore store = InMemoryApprovalStore.create(Clock.fixed(T0, ZoneOffset.UTC));
    private final AtomicInteger vendorTraces = new AtomicInteger();

    {
        OtelTracer tracer = new OtelTracer(tracing.get("openapproval-test"), new OtelCurrentTraceContext(), event -> {
        });
        observations.observationConfig().observationHandler(new DefaultTracingObservationHandler(tracer));
    }

    @AfterEach
    void closeTracing() {
        tracing.close();
    }

    /** Reports every store call as a vendor exchange that answers with a trace id of its own. */
    private final class VendorExchanges implements InMemoryApprovalStore.CallInterceptor {
        private final boolean failWrites;

        VendorExchanges(boolean failWrites) {
            this.failWrites = failWrites;
        }

        @Override
        public <T> T intercept(boolean write, Supplier<T> call) {
            try (ApprovalObserver.Observation exchange = observer.start(ApprovalObserver.CallKind.HTTP, "in-memory",
                    write ? "StoreApi#write" : "StoreApi#read")) {
                String traceId = "vendor-trace-" + vendorTraces.incrementAndGet();
                if (write && failWrites) {
                    // a vendor message quoting the user and the comment, as real ones do
                    PermissionDeniedException refusal = new PermissionDeniedException(BOB.id() + " may not say '"
                            + COMMENT + "' here", ErrorContext.provider("in-memory").withVendorCode("10005")
                            .withTraceId(traceId).withVendorMessage(BOB.id() + " is not an approver"), null);
                    exchange.failed(refusal);
                    throw refusal;
                }
                exchange.traceId(traceId);
                return call.get();
            }
        }
    }

    private ApprovalService connect() {
        InMemoryApprovalProvider provider = new InMemoryApprovalProvider(store);
        return Approvals.connect(provider, ProviderConfig.of(provider.descriptor(), Map.of()),
                Clock.fixed(T0, ZoneOffset.UTC), observer);
    }

    private ApprovalProcess open() {
        store.intercept(new VendorExchanges(false));
        return store.openProcess("Leave", ALICE, List.of(StepPlan.approval("Manager", ApprovalMode.SINGLE, BOB)));
    }

    private static Map<String, String> attributes(SpanData span) {
        Map<String, String> all = new TreeMap<>();
        span.getAttributes().forEach((key, value) -> all.put(key.getKey(), String.valueOf(value)));
        return all;
    }

    private static Map<String, String> expected(String operation, String outcome, String code, String... traceId) {
        Map<String, String> all = new TreeMap<>(Map.of("approval.provider", "in-memory",
                "approval.operation", operation, "approval.outcome", outcome, "approval.vendor.error.code", code));
        for (String id : traceId) {
            all.put("approval.vendor.trace.id", id);
        }
        return all;
    }

    private static SpanData named(List<SpanData> spans, String name) {
        List<SpanData> found = spans.stream().filter(s -> s.getName().equals(name)).toList();
        assertEquals(1, found.size(), "one span named " + name + " in " + spans);
        return found.get(0);
    }

    private static void assertChildOf(SpanData parent, SpanData child) {
        assertEquals(parent.getTraceId(), child.getTraceId(), child.getName() + " is in its call's trace");
        assertEquals(parent.getSpanId(), child.getParentSpanId(), child.getName() + " is a child of " + parent.getName());
    }

    @Test
    void aReadIsOneSpanWithItsVendorExchangeAsAChild() {
        ApprovalProcess p = open();
        try (ApprovalService approvals = connect()) {
            approvals.process(p.id()).orElseThrow();
        }
        List<SpanData> spans = exporter.getFinishedSpanItems();
        assertEquals(List.of("approval http StoreApi#read", "approval process"),
                spans.stream().map(SpanData::getName).toList(), "the exchange ends first");
        SpanData call = spans.get(1);
        SpanData exchange = spans.get(0);
        assertFalse(call.getParentSpanContext().isValid(), "the service call is the root span");
        assertChildOf(call, exchange);
        assertEquals(expected("process", "success", "none"), attributes(call));
        assertEquals(expected("StoreApi#read", "success", "none", "vendor-trace-1"), attributes(exchange));
        assertNotEquals(StatusCode.ERROR, call.getStatus().getStatusCode());
        assertNotEquals(StatusCode.ERROR, exchange.getStatus().getStatusCode());
    }

    @Test
    void aWriteWrapsItsReadsAndTheWriteExchange() {
        ApprovalProcess p = open();
        try (ApprovalService approvals = connect()) {
            Task task = approvals.process(p.id()).orElseThrow().pendingTasks().get(0);
            exporter.reset();
            approvals.approve(ApproveCommand.of(task.id(), BOB, COMMENT));
        }
        List<SpanData> spans = exporter.getFinishedSpanItems();
        SpanData call = named(spans, "approval approve");
        assertEquals(expected("approve", "success", "none"), attributes(call));
        assertFalse(call.getParentSpanContext().isValid());
        SpanData write = named(spans, "approval http StoreApi#write");
        assertChildOf(call, write);
        assertTrue(attributes(write).get("approval.vendor.trace.id").startsWith("vendor-trace-"));
        List<SpanData> reads = spans.stream().filter(s -> s.getName().equals("approval http StoreApi#read")).toList();
        assertFalse(reads.isEmpty(), "the write loads the process first");
        reads.forEach(read -> assertChildOf(call, read));
        assertEquals(reads.size() + 2, spans.size(), "the call, its reads and its write, nothing else: " + spans);
        spans.forEach(OpenTelemetrySpansTest::assertNothingPersonal);
    }

    @Test
    void aRefusedWriteMarksTheExchangeAndTheCallAsErrors() {
        ApprovalProcess p = open();
        try (ApprovalService approvals = connect()) {
            Task task = approvals.process(p.id()).orElseThrow().pendingTasks().get(0);
            store.intercept(new VendorExchanges(true));
            exporter.reset();
            assertThrows(PermissionDeniedException.class,
                    () -> approvals.approve(ApproveCommand.of(task.id(), BOB, COMMENT)));
        }
        List<SpanData> spans = exporter.getFinishedSpanItems();
        SpanData call = named(spans, "approval approve");
        SpanData write = named(spans, "approval http StoreApi#write");
        assertChildOf(call, write);
        String traceId = attributes(write).get("approval.vendor.trace.id");
        assertEquals(expected("StoreApi#write", "permission-denied", "10005", traceId), attributes(write));
        assertEquals(expected("approve", "permission-denied", "10005", traceId), attributes(call),
                "the call carries the vendor's code and trace id of the failure it passes on");
        for (SpanData failed : List.of(call, write)) {
            assertEquals(StatusCode.ERROR, failed.getStatus().getStatusCode(), failed.getName());
            assertEquals("org.openapproval.core.domain.PermissionDeniedException (permission-denied, vendor code 10005)",
                    failed.getStatus().getDescription(), "the failure's class, outcome and code, not its message");
            assertTrue(failed.getEvents().stream().anyMatch(e -> e.getName().equals("exception")),
                    failed.getName() + " records the failure as an exception event");
        }
        spans.forEach(OpenTelemetrySpansTest::assertNothingPersonal);
    }

    @Test
    void noSpanCarriesAnIdAUserOrAComment() {
        ApprovalProcess p = open();
        ApprovalProcess q = open();
        List<String> secrets = new ArrayList<>(List.of(ALICE.id(), BOB.id(), COMMENT, p.id().value(),
                q.id().value(), p.record().recordId(), q.record().recordId()));
        try (ApprovalService approvals = connect()) {
            Task task = approvals.process(p.id()).orElseThrow().pendingTasks().get(0);
            secrets.add(task.id().value());
            approvals.approve(ApproveCommand.of(task.id(), BOB, COMMENT));
            Task other = approvals.process(q.id()).orElseThrow().pendingTasks().get(0);
            secrets.add(other.id().value());
            store.intercept(new VendorExchanges(true));
            assertThrows(PermissionDeniedException.class,
                    () -> approvals.approve(ApproveCommand.of(other.id(), BOB, COMMENT)));
        }
        List<SpanData> spans = exporter.getFinishedSpanItems();
        assertTrue(spans.size() >= 8, "reads, writes and their exchanges were traced: " + spans.size());
        for (SpanData span : spans) {
            String everything = everythingIn(span);
            for (String secret : secrets) {
                assertFalse(everything.contains(secret), span.getName() + " carries '" + secret + "': " + everything);
            }
        }
    }

    /** Every text a span exports: name, attributes, status description, events and their attributes. */
    private static String everythingIn(SpanData span) {
        StringBuilder all = new StringBuilder(span.getName()).append('|').append(text(span.getAttributes()))
                .append('|').append(span.getStatus().getDescription());
        for (EventData event : span.getEvents()) {
            all.append('|').append(event.getName()).append('|').append(text(event.getAttributes()));
        }
        return all.toString();
    }

    private static String text(Attributes attributes) {
        StringBuilder all = new StringBuilder();
        attributes.forEach((key, value) -> all.append(key.getKey()).append('=').append(value).append(';'));
        return all.toString();
    }

    private static void assertNothingPersonal(SpanData span) {
        String everything = everythingIn(span);
        for (String personal : List.of(ALICE.id(), BOB.id(), COMMENT)) {
            assertFalse(everything.contains(personal), span.getName() + " carries '" + personal + "': " + everything);
        }
    }
}
