package org.openapproval.core.observation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openapproval.core.Approvals;
import org.openapproval.core.domain.ApprovalMode;
import org.openapproval.core.domain.ApprovalProcess;
import org.openapproval.core.domain.ErrorContext;
import org.openapproval.core.domain.PermissionDeniedException;
import org.openapproval.core.domain.ProcessId;
import org.openapproval.core.domain.RecordRef;
import org.openapproval.core.domain.StepPlan;
import org.openapproval.core.domain.Task;
import org.openapproval.core.domain.UserRef;
import org.openapproval.core.domain.Verdict;
import org.openapproval.core.domain.VendorUnavailableException;
import org.openapproval.core.inmemory.InMemoryApprovalProvider;
import org.openapproval.core.inmemory.InMemoryApprovalStore;
import org.openapproval.core.port.in.ApprovalService;
import org.openapproval.core.port.in.ApproveCommand;
import org.openapproval.core.port.out.ProcessReader;
import org.openapproval.core.spi.ApprovalObserver;
import org.openapproval.core.spi.ApprovalProvider;
import org.openapproval.core.spi.ProviderConfig;
import org.openapproval.core.spi.ProviderContext;
import org.openapproval.core.spi.ProviderDescriptor;
import org.openapproval.core.spi.ProviderPorts;

/**
 * The exact tag sets an application's dashboards rely on: a read, a write, a retried read (with the vendor
 * exchanges an adapter reports) and a failed write. Low-cardinality keys only; the trace id is high-cardinality.
 */
class MicrometerApprovalObserverTest {
    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    private static final UserRef ALICE = UserRef.of("alice");
    private static final UserRef BOB = UserRef.of("bob");

    private final TestObservationRegistry observations = TestObservationRegistry.create();
    private final List<Observation.Context> stopped = new java.util.concurrent.CopyOnWriteArrayList<>();

    {
        // the test registry checks the lifecycle; this handler keeps the contexts in the order they stopped
        observations.observationConfig().observationHandler(new io.micrometer.observation.ObservationHandler<>() {
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
    private final MicrometerApprovalObserver observer = new MicrometerApprovalObserver(observations, meters);
    private final InMemoryApprovalStore store = InMemoryApprovalStore.create(Clock.fixed(T0, ZoneOffset.UTC));

    private static Set<String> tags(Observation.Context c) {
        return c.getLowCardinalityKeyValues().stream().map(kv -> kv.getKey() + "=" + kv.getValue())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> expected(String... tags) {
        return new TreeSet<>(List.of(tags));
    }

    private List<Observation.Context> contexts() {
        return List.copyOf(stopped);
    }

    private ApprovalService connect(ApprovalProvider provider) {
        return Approvals.connect(provider, ProviderConfig.of(provider.descriptor(), Map.of()),
                Clock.fixed(T0, ZoneOffset.UTC), observer);
    }

    @Test
    void aReadAndAWrite() {
        ApprovalProcess p = store.openProcess("Leave", ALICE, List.of(StepPlan.approval("M", ApprovalMode.SINGLE, BOB)));
        try (ApprovalService approvals = connect(new InMemoryApprovalProvider(store))) {
            Task task = approvals.process(p.id()).orElseThrow().pendingTasks().get(0);
            approvals.approve(ApproveCommand.of(task.id(), BOB, "private comment"));
        }
        List<Observation.Context> all = contexts();
        io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat(observations)
                .hasNumberOfObservationsEqualTo(2);
        assertEquals(2, all.size());
        assertEquals(MicrometerApprovalObserver.SERVICE_OBSERVATION, all.get(0).getName());
        assertEquals(expected("approval.provider=in-memory", "approval.operation=process",
                "approval.outcome=success", "approval.vendor.error.code=none"), tags(all.get(0)));
        assertEquals(expected("approval.provider=in-memory", "approval.operation=approve",
                "approval.outcome=success", "approval.vendor.error.code=none"), tags(all.get(1)));
        String everything = all.toString();
        for (String leak : List.of(p.id().value(), "bob", "private comment")) {
            assertEquals(-1, everything.indexOf(leak), "observations carry no ids, users or comments: " + leak);
        }
    }

    @Test
    void aRetriedReadShowsTheVendorExchangesAndCountsTheRetry() {
        ProcessId id = ProcessId.of("p-1");
        try (ApprovalService approvals = connect(new FlakyReaderProvider())) {
            assertEquals(Optional.empty(), approvals.process(id));
        }
        List<Observation.Context> all = contexts();
        assertEquals(3, all.size(), "two HTTP exchanges inside one service call");
        Observation.Context failedExchange = all.get(0);
        Observation.Context retriedExchange = all.get(1);
        Observation.Context call = all.get(2);
        assertEquals(MicrometerApprovalObserver.HTTP_OBSERVATION, failedExchange.getName());
        assertEquals(expected("approval.provider=flaky", "approval.operation=FlakyApi#process",
                "approval.outcome=unavailable", "approval.vendor.error.code=503"), tags(failedExchange));
        assertEquals(KeyValues.of(KeyValue.of(MicrometerApprovalObserver.TRACE_ID, "trace-1")),
                failedExchange.getHighCardinalityKeyValues());
        assertEquals(expected("approval.provider=flaky", "approval.operation=FlakyApi#process",
                "approval.outcome=success", "approval.vendor.error.code=none"), tags(retriedExchange));
        assertEquals(expected("approval.provider=flaky", "approval.operation=process",
                "approval.outcome=success", "approval.vendor.error.code=none"), tags(call));
        assertEquals(call, failedExchange.getParentObservation().getContextView(), "the exchange is a child span");
        assertEquals(1.0, meters.get(MicrometerApprovalObserver.READ_RETRIES).tag("approval.provider", "flaky")
                .tag("approval.operation", "FlakyApi#process").counter().count());
    }

    @Test
    void aFailedWrite() {
        ApprovalProcess p = store.openProcess("Leave", ALICE, List.of(StepPlan.approval("M", ApprovalMode.SINGLE, BOB)));
        store.intercept(new InMemoryApprovalStore.CallInterceptor() {
            @Override
            public <T> T intercept(boolean write, java.util.function.Supplier<T> call) {
                if (write) {
                    throw new PermissionDeniedException("bob may not approve here",
                            ErrorContext.provider("in-memory").withVendorCode("10005").withTraceId("trace-9"), null);
                }
                return call.get();
            }
        });
        try (ApprovalService approvals = connect(new InMemoryApprovalProvider(store))) {
            Task task = approvals.process(p.id()).orElseThrow().pendingTasks().get(0);
            assertThrows(PermissionDeniedException.class, () -> approvals.approve(ApproveCommand.of(task.id(), BOB)));
        }
        Observation.Context write = contexts().get(1);
        assertEquals(expected("approval.provider=in-memory", "approval.operation=approve",
                "approval.outcome=permission-denied", "approval.vendor.error.code=10005"), tags(write));
        assertEquals(KeyValues.of(KeyValue.of(MicrometerApprovalObserver.TRACE_ID, "trace-9")),
                write.getHighCardinalityKeyValues());
        assertEquals("org.openapproval.core.domain.PermissionDeniedException (permission-denied, vendor code 10005)",
                write.getError().getMessage(), "the error names the failure, never its message (it quotes bob)");
        assertEquals(null, write.getError().getCause());
    }

    @Test
    void anOutcomeUnknownWriteIsCounted() {
        ApprovalProcess p = store.openProcess("Leave", ALICE, List.of(StepPlan.approval("M", ApprovalMode.SINGLE, BOB)));
        List<Boolean> calls = new ArrayList<>();
        store.intercept(new InMemoryApprovalStore.CallInterceptor() {
            @Override
            public <T> T intercept(boolean write, java.util.function.Supplier<T> call) {
                calls.add(write);
                // the write fails in transit, and so does every read after it: the outcome cannot be learned
                if (write || calls.contains(true)) {
                    throw new VendorUnavailableException("connection reset", ErrorContext.provider("in-memory"), null);
                }
                return call.get();
            }
        });
        try (ApprovalService approvals = connect(new InMemoryApprovalProvider(store))) {
            Task task = approvals.process(p.id()).orElseThrow().pendingTasks().get(0);
            assertThrows(org.openapproval.core.domain.OutcomeUnknownException.class,
                    () -> approvals.approve(ApproveCommand.of(task.id(), BOB)));
        }
        assertEquals(expected("approval.provider=in-memory", "approval.operation=approve",
                "approval.outcome=outcome-unknown", "approval.vendor.error.code=none"), tags(contexts().get(1)));
        assertEquals(1.0, meters.get(MicrometerApprovalObserver.OUTCOME_UNKNOWN_WRITES).counter().count());
    }

    /** Acts like an adapter: reports each HTTP exchange and the retry through the observer it was handed. */
    private static final class FlakyReaderProvider implements ApprovalProvider {
        private static final ProviderDescriptor DESCRIPTOR = new ProviderDescriptor("flaky", "Flaky", List.of(),
                Set.of(org.openapproval.core.port.in.Capability.READ_PROCESSES));

        @Override
        public ProviderDescriptor descriptor() {
            return DESCRIPTOR;
        }

        @Override
        public ProviderPorts create(ProviderConfig config) {
            return create(config, ProviderContext.defaults());
        }

        @Override
        @SuppressWarnings("try") // the retried exchange's observation is opened and closed, never read
        public ProviderPorts create(ProviderConfig config, ProviderContext context) {
            ApprovalObserver obs = context.observer();
            ProcessReader reader = new ProcessReader() {
                @Override
                public Optional<ApprovalProcess> process(ProcessId id) {
                    try (ApprovalObserver.Observation first = obs.start(ApprovalObserver.CallKind.HTTP, "flaky",
                            "FlakyApi#process")) {
                        first.failed(new VendorUnavailableException("HTTP 503",
                                ErrorContext.provider("flaky").withVendorCode("503").withTraceId("trace-1"), null));
                    }
                    obs.count(ApprovalObserver.Event.READ_RETRY, "flaky", "FlakyApi#process");
                    try (ApprovalObserver.Observation second = obs.start(ApprovalObserver.CallKind.HTTP, "flaky",
                            "FlakyApi#process")) {
                        return Optional.empty();
                    }
                }

                @Override
                public List<ApprovalProcess> processesOf(RecordRef record) {
                    return List.of();
                }
            };
            return ProviderPorts.builder("flaky").processReader(reader).build();
        }
    }
}
