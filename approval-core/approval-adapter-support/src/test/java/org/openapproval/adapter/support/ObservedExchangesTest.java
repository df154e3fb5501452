package org.openapproval.adapter.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import feign.Client;
import feign.Feign;
import feign.Param;
import feign.RequestLine;
import feign.Response;
import feign.codec.Decoder;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openapproval.core.domain.ApprovalException;
import org.openapproval.core.domain.ErrorContext;
import org.openapproval.core.domain.PermissionDeniedException;
import org.openapproval.core.domain.VendorProtocolException;
import org.openapproval.core.domain.VendorTimeoutException;
import org.openapproval.core.observation.MicrometerApprovalObserver;
import org.openapproval.core.spi.ApprovalObserver;

/**
 * The exact tag sets of vendor exchanges made through a Feign client with {@link ObservedExchanges}, on
 * Micrometer's test registry through core's {@link MicrometerApprovalObserver}: a read, a retried read, a
 * throttled read, a refused write, a write without an answer, token fetches, nesting in a service call.
 */
class ObservedExchangesTest {
    private static final VendorFailures FAILURES = new VendorFailures("test-vendor", "Vendor");
    private static final String HTTP = MicrometerApprovalObserver.HTTP_OBSERVATION;

    interface VendorApi {
        @RequestLine("POST /processes/{id}")
        Answer process(@Param("id") String id);

        @RequestLine("POST /approve")
        Answer approve(Approval body);
    }

    /** The vendor's envelope: a business code inside HTTP 200, and its trace id. */
    record Answer(int code, String traceId) {
    }

    record Approval(String task, String user, String comment) {
    }

    private final TestObservationRegistry observations = TestObservationRegistry.create();
    private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

    {
        observations.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }

            @Override
            public void onStop(Observation.Context context) {
                stopped.add(context);
            }
        });
    }

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ApprovalObserver observer = new MicrometerApprovalObserver(observations, meters);
    private final Deque<Object> script = new ArrayDeque<>();
    private final List<Duration> sleeps = new ArrayList<>();
    private final List<String> urls = new ArrayList<>();

    /** Answers each request with the next scripted answer: a status and body, or an I/O failure. */
    private final Client vendor = (request, options) -> {
        urls.add(request.url());
        Object next = script.removeFirst();
        if (next instanceof IOException io) {
            throw io;
        }
        Response.Builder answer = (Response.Builder) next;
        return answer.request(request).build();
    };

    private static Response.Builder ok(int code, String traceId) {
        return Response.builder().status(200).headers(Map.of())
                .body("{\"code\":" + code + ",\"traceId\":\"" + traceId + "\"}", StandardCharsets.UTF_8);
    }

    private static Response.Builder status(int status, Map<String, Collection<String>> headers) {
        return Response.builder().status(status).headers(headers).body("busy", StandardCharsets.UTF_8);
    }

    /** The vendor's envelope check: 10005 is a refusal, with the answer's trace id. */
    private static Decoder envelopeCheck(Decoder json) {
        return (response, type) -> {
            Answer answer = (Answer) json.decode(response, type);
            if (answer.code() == 10005) {
                throw new PermissionDeniedException("bob-approver may not approve T-7", FAILURES.context()
                        .withVendorCode("10005").withTraceId(answer.traceId()), null);
            }
            return answer;
        };
    }

    private Feign.Builder builder(ObservedExchanges exchanges) {
        return new FeignClients(vendor, VendorJson.create(), Duration.ofSeconds(1), Duration.ofSeconds(1),
                ObservedExchangesTest.class)
                .builder(ObservedExchangesTest::envelopeCheck)
                .errorDecoder((key, response) -> HttpStatusFailures.transientFailure(response, "Vendor",
                                FAILURES.context()).<Exception>map(f -> ReadRetryer.retryable(response, f))
                        .orElseGet(() -> new VendorProtocolException("HTTP " + response.status(), FAILURES.context(),
                                null)))
                .addCapability(exchanges);
    }

    private ObservedExchanges exchanges() {
        return ObservedExchanges.of(observer, FAILURES)
                .tracedBy(answer -> answer instanceof Answer a ? Optional.ofNullable(a.traceId()) : Optional.empty());
    }

    private VendorApi reads(ObservedExchanges exchanges) {
        return builder(exchanges).retryer(ReadRetryer.reads(new RetryPolicy(3, Duration.ofMillis(100),
                Duration.ofSeconds(5)), sleeps::add, () -> 0L)).target(VendorApi.class, "http://127.0.0.1:1");
    }

    private VendorApi writes(ObservedExchanges exchanges) {
        return builder(exchanges).retryer(ReadRetryer.writes()).target(VendorApi.class, "http://127.0.0.1:1");
    }

    private static Set<String> tags(Observation.Context c) {
        return c.getLowCardinalityKeyValues().stream().map(kv -> kv.getKey() + "=" + kv.getValue())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> exchange(String operation, String outcome, String code) {
        return new TreeSet<>(List.of("approval.provider=test-vendor", "approval.operation=" + operation,
                "approval.outcome=" + outcome, "approval.vendor.error.code=" + code));
    }

    private static KeyValues traceId(String id) {
        return KeyValues.of(KeyValue.of(MicrometerApprovalObserver.TRACE_ID, id));
    }

    private double counted(String counter) {
        return meters.find(counter).tags("approval.provider", "test-vendor", "approval.operation", "VendorApi#process")
                .counters().stream().mapToDouble(c -> c.count()).sum();
    }

    @Test
    void aReadIsOneExchangeNamedByItsClientMethodNeverItsUrl() {
        ObservedExchanges exchanges = exchanges();
        script.add(ok(0, "vt-1"));

        reads(exchanges).process("P-42");

        assertEquals(List.of("http://127.0.0.1:1/processes/P-42"), urls);
        assertEquals(1, stopped.size());
        Observation.Context read = stopped.get(0);
        assertEquals(HTTP, read.getName());
        assertEquals(exchange("VendorApi#process", "success", "none"), tags(read));
        assertEquals(traceId("vt-1"), read.getHighCardinalityKeyValues());
        assertEquals(List.of(), meters.getMeters(), "nothing to count");
        assertFalse(exchanges.hasOpenExchange());
        TestObservationRegistryAssert.assertThat(observations).hasNumberOfObservationsEqualTo(1);
    }

    @Test
    void aRetriedReadIsTwoExchangesAndOneRetry() {
        script.add(status(503, Map.of()));
        script.add(ok(0, "vt-2"));

        assertEquals(new Answer(0, "vt-2"), reads(exchanges()).process("P-42"));

        assertEquals(2, stopped.size());
        assertEquals(exchange("VendorApi#process", "unavailable", "HTTP 503"), tags(stopped.get(0)));
        assertEquals(KeyValues.empty(), stopped.get(0).getHighCardinalityKeyValues(), "a bare 503 has no trace id");
        assertEquals(exchange("VendorApi#process", "success", "none"), tags(stopped.get(1)));
        assertEquals(traceId("vt-2"), stopped.get(1).getHighCardinalityKeyValues());
        assertEquals(1.0, counted(MicrometerApprovalObserver.READ_RETRIES));
        assertEquals(0.0, counted(MicrometerApprovalObserver.RATE_LIMIT_WAITS));
        assertEquals(1, sleeps.size());
    }

    @Test
    void aThrottledReadWaitsAsAskedAndIsCountedAsARetryAndARateLimitWait() {
        script.add(status(429, Map.of("Retry-After", List.of("2"))));
        script.add(ok(0, "vt-3"));

        reads(exchanges()).process("P-42");

        assertEquals(exchange("VendorApi#process", "rate-limited", "HTTP 429"), tags(stopped.get(0)));
        assertEquals(exchange("VendorApi#process", "success", "none"), tags(stopped.get(1)));
        assertEquals(List.of(Duration.ofSeconds(2)), sleeps);
        assertEquals(1.0, counted(MicrometerApprovalObserver.READ_RETRIES));
        assertEquals(1.0, counted(MicrometerApprovalObserver.RATE_LIMIT_WAITS));
    }

    @Test
    void aRefusedWriteIsOneFailedExchangeWithTheVendorsCodeAndTraceId() {
        ObservedExchanges exchanges = exchanges();
        script.add(ok(10005, "vt-9"));
        VendorApi api = writes(exchanges);

        ApprovalException failure = assertThrows(ApprovalException.class,
                () -> FAILURES.call(() -> api.approve(new Approval("T-7", "bob-approver", "my private comment"))));

        assertEquals(PermissionDeniedException.class, failure.getClass());
        assertEquals(1, stopped.size(), "a write is never repeated");
        Observation.Context write = stopped.get(0);
        assertEquals(exchange("VendorApi#approve", "permission-denied", "10005"), tags(write));
        assertEquals(traceId("vt-9"), write.getHighCardinalityKeyValues());
        assertEquals(List.of(), meters.getMeters());
        assertFalse(exchanges.hasOpenExchange());
        String everything = write.getLowCardinalityKeyValues() + " " + write.getHighCardinalityKeyValues() + " "
                + write.getContextualName() + " " + write.getError().getMessage();
        for (String leak : List.of("T-7", "bob-approver", "my private comment", "127.0.0.1")) {
            assertEquals(-1, everything.indexOf(leak), "no id, user, comment or URL: " + leak + " in " + everything);
        }
    }

    @Test
    void aWriteWithoutAnAnswerEndsItsExchangeAsATimeOut() {
        ObservedExchanges exchanges = exchanges();
        script.add(new SocketTimeoutException("read timed out"));
        VendorApi api = writes(exchanges);

        assertThrows(VendorTimeoutException.class,
                () -> FAILURES.call(() -> api.approve(new Approval("T-7", "bob-approver", "ok"))));

        assertEquals(List.of(exchange("VendorApi#approve", "timeout", "none")), stopped.stream()
                .map(ObservedExchangesTest::tags).toList());
        assertFalse(exchanges.hasOpenExchange());
    }

    @Test
    void aTokenClientCountsEachAnsweredFetchOnly() {
        VendorApi tokens = reads(exchanges().fetchingTokens());
        script.add(ok(0, "vt-4"));
        script.add(ok(10005, "vt-5"));

        tokens.process("app");
        assertThrows(PermissionDeniedException.class, () -> FAILURES.call(() -> tokens.process("app")));

        assertEquals(1.0, counted(MicrometerApprovalObserver.TOKEN_FETCHES));
        assertEquals(List.of(exchange("VendorApi#process", "success", "none"),
                exchange("VendorApi#process", "permission-denied", "10005")),
                stopped.stream().map(ObservedExchangesTest::tags).toList());
    }

    @Test
    @SuppressWarnings("try") // the open call is the parent the exchange nests in; it is never read
    void anExchangeInsideAServiceCallIsItsChild() {
        script.add(ok(0, "vt-6"));
        VendorApi api = reads(exchanges());

        try (ApprovalObserver.Observation call = observer.start(ApprovalObserver.CallKind.SERVICE, "test-vendor",
                "process")) {
            api.process("P-42");
        }

        assertEquals(2, stopped.size());
        assertEquals(HTTP, stopped.get(0).getName());
        assertSame(stopped.get(1), stopped.get(0).getParentObservation().getContextView());
    }

    @Test
    void aFailingObserverNeverFailsTheCall() {
        ApprovalObserver broken = new ApprovalObserver() {
            @Override
            public Observation start(CallKind kind, String providerId, String operation) {
                return new Observation() {
                    @Override
                    public void traceId(String traceId) {
                        throw new IllegalStateException("broken observer");
                    }

                    @Override
                    public void close() {
                        throw new IllegalStateException("broken observer");
                    }
                };
            }

            @Override
            public void count(Event event, String providerId, String operation) {
                throw new IllegalStateException("broken observer");
            }
        };
        ObservedExchanges exchanges = ObservedExchanges.of(broken, FAILURES).fetchingTokens()
                .tracedBy(answer -> Optional.of("vt-7"));
        script.add(status(503, Map.of()));
        script.add(ok(0, "vt-7"));

        assertEquals(new Answer(0, "vt-7"), reads(exchanges).process("P-42"));
        assertFalse(exchanges.hasOpenExchange());
    }

    @Test
    void theOperationIsTheConfigKeyWithoutParameterTypes() {
        assertEquals("unknown", ObservedExchanges.operationOf(ReadRetryerTest.REQUEST),
                "a request Feign did not build names no method");
    }

}
