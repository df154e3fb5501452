package org.openapproval.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.openapproval.core.domain.ApprovalDefinition;
import org.openapproval.core.domain.ApprovalMode;
import org.openapproval.core.domain.ApprovalProcess;
import org.openapproval.core.domain.DefinitionRef;
import org.openapproval.core.domain.ErrorContext;
import org.openapproval.core.domain.Identifiers;
import org.openapproval.core.domain.InputParameter;
import org.openapproval.core.domain.ProcessId;
import org.openapproval.core.domain.RateLimitedException;
import org.openapproval.core.domain.RecordRef;
import org.openapproval.core.domain.StepPlan;
import org.openapproval.core.domain.TriggerKind;
import org.openapproval.core.domain.UserRef;
import org.openapproval.core.domain.VendorProtocolException;
import org.openapproval.core.domain.VendorUnavailableException;
import org.openapproval.core.spi.DefinitionSeed;
import org.openapproval.core.spi.Fault;
import org.openapproval.core.spi.ProcessSeed;
import org.openapproval.core.spi.SeededProcess;

/**
 * The state behind the in-memory provider: definitions, records and their processes, held in memory and
 * changed only through the domain aggregate. Thread-safe: every change of a process is one atomic
 * compute on the immutable aggregate, so two racing decisions on one task cannot both succeed.
 *
 * <p>Use it to unit-test your own approval logic with no HTTP and no vendor account:
 *
 * <pre>{@code
 * InMemoryApprovalStore store = InMemoryApprovalStore.create(clock);
 * SeededProcess p = store.seedProcess(new ProcessSeed("Contract review", "Contract 7", alice,
 *         List.of(StepPlan.approval("Manager", ApprovalMode.SINGLE, bob))));
 * ApprovalService approvals = store.connect();
 * }</pre>
 */
public final class InMemoryApprovalStore {
    static final String PROVIDER_ID = "in-memory";
    private static final Map<String, InMemoryApprovalStore> NAMED = new ConcurrentHashMap<>();
    private static final AtomicLong ANONYMOUS = new AtomicLong();

    private final String name;
    private final Clock clock;
    private final Map<String, Flow> definitions = new ConcurrentHashMap<>();
    private final Map<ProcessId, ApprovalProcess> processes = new ConcurrentHashMap<>();
    /** Insertion order of processes: ties in createdAt (a fixed test clock) still list oldest first. */
    private final Map<ProcessId, Long> insertedAs = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final Deque<Fault> faults = new ArrayDeque<>();

    /** A definition with the steps a start creates. */
    record Flow(ApprovalDefinition definition, List<StepPlan> plan) {
    }

    private InMemoryApprovalStore(String name, Clock clock) {
        this.name = name;
        this.clock = clock;
    }

    /** A fresh store, registered under a unique name so {@code Approvals.connect("in-memory", …)} can reach it. */
    public static InMemoryApprovalStore create(Clock clock) {
        String name = "store-" + ANONYMOUS.incrementAndGet();
        InMemoryApprovalStore store = new InMemoryApprovalStore(name, Objects.requireNonNull(clock, "clock"));
        NAMED.put(name, store);
        return store;
    }

    /** The store of that name, created on first use with the system clock. */
    public static InMemoryApprovalStore named(String name) {
        Identifiers.requireSegment(name, "store name");
        return NAMED.computeIfAbsent(name, n -> new InMemoryApprovalStore(n, Clock.systemUTC()));
    }

    /** Forgets this store's name; its data goes once nothing references it. */
    public void release() {
        NAMED.remove(name, this);
    }

    public String name() {
        return name;
    }

    Clock clock() {
        return clock;
    }

    /** The configuration that connects the in-memory provider to this store. */
    public Map<String, String> connectionConfig() {
        return Map.of(InMemoryApprovalProvider.STORE, name);
    }

    /** Connects an {@code ApprovalService} to this store with its clock and optional comments. */
    public org.openapproval.core.port.in.ApprovalService connect() {
        InMemoryApprovalProvider provider = new InMemoryApprovalProvider();
        return org.openapproval.core.Approvals.connect(provider,
                org.openapproval.core.spi.ProviderConfig.of(provider.descriptor(), connectionConfig()), clock);
    }

    // ------------------------------------------------------------ seeding

    /** Defines a flow: a start creates a process with these steps (the initiator decides when none are given). */
    public synchronized String defineFlow(String name, List<InputParameter> inputs, List<StepPlan> plan) {
        Identifiers.requireSegment(name, "definition name");
        Flow existing = definitions.values().stream()
                .filter(f -> f.definition().ref().displayName().equals(name)).findFirst().orElse(null);
        if (existing != null) {
            return existing.definition().ref().id();
        }
        String id = "flow-" + sequence.incrementAndGet();
        definitions.put(id, new Flow(ApprovalDefinition.of(new DefinitionRef(id, name), inputs), List.copyOf(plan)));
        return id;
    }

    public String seedDefinition(DefinitionSeed seed) {
        return defineFlow(seed.name(), seed.inputs(), List.of());
    }

    /** A process on a new record of type {@code Record}; see {@link #seedProcess(RecordRef, ProcessSeed)}. */
    public SeededProcess seedProcess(ProcessSeed seed) {
        return seedProcess(RecordRef.of("Record", "R" + sequence.incrementAndGet()), seed);
    }

    /** A process on a record of your choosing (e.g. {@code ContractObj:C-1}), first step reached at once. */
    public SeededProcess seedProcess(RecordRef record, ProcessSeed seed) {
        String definitionId = defineFlow(seed.definitionName(), List.of(), seed.steps());
        ApprovalProcess p = open(definitionId, record, seed.initiator(), TriggerKind.MANUAL, seed.steps());
        return new SeededProcess(p.id(), record, definitionId);
    }

    /** Stores a process as given (e.g. one in a particular state) for tests that need exact control. */
    public void put(ApprovalProcess process) {
        if (!process.providerId().equals(PROVIDER_ID)) {
            throw new IllegalArgumentException("process " + process.id() + " belongs to provider "
                    + process.providerId() + ", not " + PROVIDER_ID);
        }
        insertedAs.putIfAbsent(process.id(), sequence.incrementAndGet());
        processes.put(process.id(), process);
    }

    ApprovalProcess open(String definitionId, RecordRef record, UserRef initiator, TriggerKind trigger,
                         List<StepPlan> plan) {
        Flow flow = Optional.ofNullable(definitions.get(definitionId))
                .orElseThrow(() -> new IllegalArgumentException("no definition " + definitionId));
        List<StepPlan> steps = plan.isEmpty()
                ? List.of(StepPlan.approval("Approval", ApprovalMode.SINGLE, initiator))
                : plan;
        long n = sequence.incrementAndGet();
        ProcessId id = ProcessId.of("P" + n);
        ApprovalProcess p = ApprovalProcess.open(id, PROVIDER_ID, flow.definition().ref(), record, initiator, trigger,
                clock.instant(), steps);
        if (processes.putIfAbsent(id, p) != null) {
            return open(definitionId, record, initiator, trigger, plan); // a put() process holds that id
        }
        insertedAs.put(id, n);
        return p;
    }

    Optional<Flow> flow(String id) {
        return Optional.ofNullable(definitions.get(id));
    }

    List<ApprovalDefinition> definitions() {
        return definitions.values().stream().map(Flow::definition)
                .sorted(Comparator.comparing(d -> d.ref().id())).toList();
    }

    long nextSequence() {
        return sequence.incrementAndGet();
    }

    // ------------------------------------------------------------ state

    Optional<ApprovalProcess> get(ProcessId id) {
        return Optional.ofNullable(processes.get(id));
    }

    List<ApprovalProcess> all() {
        List<ApprovalProcess> list = new ArrayList<>(processes.values());
        list.sort(Comparator.comparing(ApprovalProcess::createdAt).thenComparing(p -> insertionOf(p.id())));
        return list;
    }

    long insertionOf(ProcessId id) {
        return insertedAs.getOrDefault(id, Long.MAX_VALUE);
    }

    /** Atomically replaces a process with {@code change(current)}; the change's exception leaves it as it was. */
    ApprovalProcess update(ProcessId id, java.util.function.UnaryOperator<ApprovalProcess> change) {
        return processes.computeIfPresent(id, (k, current) -> change.apply(current));
    }

    // ------------------------------------------------------------ faults

    synchronized void injectFault(Fault fault) {
        for (int i = 0; i < fault.times(); i++) {
            faults.add(fault);
        }
    }

    synchronized void clearFaults() {
        faults.clear();
    }

    long requestCount() {
        return requests.get();
    }

    /** Runs one "vendor call": counts it and applies the next injected fault, as a real sandbox would. */
    <T> T call(boolean write, Supplier<T> body) {
        requests.incrementAndGet();
        Fault injected = nextFault(write);
        if (injected == null) {
            return body.get();
        }
        Fault.Kind fault = injected.kind();
        Duration latency = injected.latency();
        ErrorContext ctx = ErrorContext.provider(PROVIDER_ID).withVendorCode(fault.name())
                .withTraceId("mem-" + requests.get());
        switch (fault) {
            case LATENCY -> {
                pause(latency);
                return body.get();
            }
            case VENDOR_UNAVAILABLE -> throw new VendorUnavailableException("in-memory store: injected outage", ctx, null);
            case RATE_LIMITED -> throw new RateLimitedException("in-memory store: injected throttling", ctx,
                    Optional.of(Duration.ofSeconds(1)), null);
            case EXPIRED_CREDENTIALS -> {
                // Nothing to expire in memory: behaves like a provider that refreshed its token transparently.
                return body.get();
            }
            case MALFORMED_RESPONSE -> {
                if (write) {
                    body.get(); // the write lands; only its answer is lost
                }
                throw new VendorProtocolException("in-memory store: injected malformed response", ctx, null);
            }
            default -> throw new IllegalStateException("unhandled fault " + fault);
        }
    }

    /** The first queued fault that applies to this request, removed from the queue; null when none. */
    private synchronized Fault nextFault(boolean write) {
        for (var it = faults.iterator(); it.hasNext(); ) {
            Fault f = it.next();
            if (write || f.scope() == Fault.Scope.ALL_REQUESTS) {
                it.remove();
                return f;
            }
        }
        return null;
    }

    private static void pause(Duration latency) {
        try {
            Thread.sleep(latency.toMillis()); // simulated vendor latency, not synchronisation
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VendorUnavailableException("interrupted while simulating latency",
                    ErrorContext.provider(PROVIDER_ID), e);
        }
    }
}
