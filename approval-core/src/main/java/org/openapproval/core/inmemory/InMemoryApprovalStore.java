package org.openapproval.core.inmemory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.openapproval.core.domain.Identifiers;
import org.openapproval.core.domain.InputParameter;
import org.openapproval.core.domain.ProcessId;
import org.openapproval.core.domain.RecordRef;
import org.openapproval.core.domain.StepPlan;
import org.openapproval.core.domain.TriggerKind;
import org.openapproval.core.domain.UserRef;

/**
 * The state behind the in-memory provider: definitions, records and their processes, held in memory and
 * changed only through the domain aggregate. Thread-safe: every change of a process is one atomic
 * compute on the immutable aggregate, so two racing decisions on one task cannot both succeed.
 *
 * <p>Use it to unit-test your own approval logic with no HTTP and no vendor account:
 *
 * <pre>{@code
 * InMemoryApprovalStore store = InMemoryApprovalStore.create(clock);
 * ApprovalProcess p = store.openProcess("Contract review", alice,
 *         List.of(StepPlan.approval("Manager", ApprovalMode.SINGLE, bob)));
 * ApprovalService approvals = store.connect();
 * }</pre>
 */
public final class InMemoryApprovalStore {
    static final String PROVIDER_ID = "in-memory";
    private static final CallInterceptor PASS_THROUGH = new CallInterceptor() {
        @Override
        public <T> T intercept(boolean write, Supplier<T> call) {
            return call.get();
        }
    };

    private final Clock clock;
    private final Map<String, Flow> definitions = new ConcurrentHashMap<>();
    private final Map<ProcessId, ApprovalProcess> processes = new ConcurrentHashMap<>();
    /** Insertion order of processes: ties in createdAt (a fixed test clock) still list oldest first. */
    private final Map<ProcessId, Long> insertedAs = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    // one counter per kind of id, so a fresh store's first process is P1 on record R1 (not P3 after R1, flow-2)
    private final AtomicLong flowNumbers = new AtomicLong();
    private final AtomicLong recordNumbers = new AtomicLong();
    private final AtomicLong processNumbers = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private volatile CallInterceptor interceptor = PASS_THROUGH;
    /** Most items on one page of pending tasks or of a query; 0 = the defaults (see {@link #pageSize(int)}). */
    private volatile int pageSize;

    /** A definition with the steps a start creates. */
    record Flow(ApprovalDefinition definition, List<StepPlan> plan) {
    }

    private InMemoryApprovalStore(Clock clock) {
        this.clock = clock;
    }

    /** A fresh, empty store whose processes are stamped with {@code clock}. */
    public static InMemoryApprovalStore create(Clock clock) {
        return new InMemoryApprovalStore(Objects.requireNonNull(clock, "clock"));
    }

    Clock clock() {
        return clock;
    }

    /** Connects an {@code ApprovalService} to this store, stamping decisions with the store's clock. */
    public org.openapproval.core.port.in.ApprovalService connect() {
        return connect(Map.of());
    }

    /**
     * Connects an {@code ApprovalService} to this store with in-memory provider settings, e.g.
     * {@code Map.of("comments-required", "true")}.
     */
    public org.openapproval.core.port.in.ApprovalService connect(Map<String, String> settings) {
        InMemoryApprovalProvider provider = new InMemoryApprovalProvider(this);
        return org.openapproval.core.Approvals.connect(provider,
                org.openapproval.core.spi.ProviderConfig.of(provider.descriptor(), settings), clock);
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
        String id = "flow-" + flowNumbers.incrementAndGet();
        definitions.put(id, new Flow(ApprovalDefinition.of(new DefinitionRef(id, name), inputs), List.copyOf(plan)));
        return id;
    }

    /**
     * Opens a process of the flow named {@code definitionName} (defined with these steps if new) on a new
     * record of type {@code Record}; see {@link #openProcess(RecordRef, String, UserRef, List)}.
     */
    public ApprovalProcess openProcess(String definitionName, UserRef initiator, List<StepPlan> steps) {
        return openProcess(RecordRef.of("Record", "R" + recordNumbers.incrementAndGet()), definitionName, initiator, steps);
    }

    /** Opens a process on a record of your choosing (e.g. {@code ContractObj:C-1}); its first steps are reached at once. */
    public ApprovalProcess openProcess(RecordRef record, String definitionName, UserRef initiator, List<StepPlan> steps) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(initiator, "initiator");
        if (Objects.requireNonNull(steps, "steps").isEmpty()) {
            throw new IllegalArgumentException("a process needs at least one step");
        }
        String definitionId = defineFlow(definitionName, List.of(), steps);
        return open(definitionId, record, initiator, TriggerKind.MANUAL, steps);
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
        ProcessId id = ProcessId.of("P" + processNumbers.incrementAndGet());
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

    long nextRecordNumber() {
        return recordNumbers.incrementAndGet();
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

    // ------------------------------------------------------------ paging

    /**
     * Caps every page the in-memory provider answers: pending tasks and query results come at most
     * {@code size} to a page, whatever page size the query asks for, as a vendor that returns fewer items
     * than asked would. {@code 0} restores the defaults (50 pending
     * tasks a page; a query's own page size).
     */
    public void pageSize(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("page size " + size + " is negative; 0 restores the default");
        }
        pageSize = size;
    }

    /** The largest page to answer when {@code asked} items were asked for. */
    int pageSizeFor(int asked) {
        int cap = pageSize;
        return cap == 0 ? asked : Math.min(asked, cap);
    }

    // ------------------------------------------------------------ calls

    /**
     * Puts {@code interceptor} around every later call the in-memory provider makes to this store, as a
     * vendor's server would see them; a test harness uses it to delay or fail calls. Replaces the previous one.
     */
    public void intercept(CallInterceptor interceptor) {
        this.interceptor = Objects.requireNonNull(interceptor, "interceptor");
    }

    /** Calls the in-memory provider made to this store so far (its "vendor requests"). */
    public long requestCount() {
        return requests.get();
    }

    /** Runs one "vendor call": counts it and passes it through the interceptor. */
    <T> T call(boolean write, Supplier<T> body) {
        requests.incrementAndGet();
        return interceptor.intercept(write, body);
    }

    /** Sees each call of the in-memory provider to its store, as a vendor's server sees requests. */
    public interface CallInterceptor {
        /**
         * Runs {@code call} (or not) and returns its result, or throws what the "vendor" should answer
         * instead (an {@code ApprovalException} subtype whose context names provider {@code in-memory}).
         *
         * @param write whether the call changes state (decisions, cancel, start)
         */
        <T> T intercept(boolean write, Supplier<T> call);
    }
}
