package org.openapproval.core.application;

import java.time.Clock;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.openapproval.core.domain.ApprovalDefinition;
import org.openapproval.core.domain.ApprovalException;
import org.openapproval.core.domain.ApprovalProcess;
import org.openapproval.core.domain.Decision;
import org.openapproval.core.domain.DecisionPolicy;
import org.openapproval.core.domain.ErrorContext;
import org.openapproval.core.domain.Identifiers;
import org.openapproval.core.domain.InputParameter;
import org.openapproval.core.domain.InvalidRequestException;
import org.openapproval.core.domain.NotFoundException;
import org.openapproval.core.domain.CommentRequiredException;
import org.openapproval.core.domain.OutcomeUnknownException;
import org.openapproval.core.domain.PendingTask;
import org.openapproval.core.domain.ProcessId;
import org.openapproval.core.domain.ProcessState;
import org.openapproval.core.domain.RecordRef;
import org.openapproval.core.domain.Step;
import org.openapproval.core.domain.Task;
import org.openapproval.core.domain.TaskId;
import org.openapproval.core.domain.TaskState;
import org.openapproval.core.domain.UserRef;
import org.openapproval.core.domain.ValidatedDecision;
import org.openapproval.core.domain.VendorProtocolException;
import org.openapproval.core.domain.VendorTimeoutException;
import org.openapproval.core.domain.VendorUnavailableException;
import org.openapproval.core.port.in.ApprovalService;
import org.openapproval.core.port.in.ApproveCommand;
import org.openapproval.core.port.in.CancelCommand;
import org.openapproval.core.port.in.ProcessQuery;
import org.openapproval.core.port.in.RejectCommand;
import org.openapproval.core.port.in.ReturnCommand;
import org.openapproval.core.port.in.StartCommand;
import org.openapproval.core.port.in.StartReceipt;
import org.openapproval.core.port.in.WriteReceipt;
import org.openapproval.core.port.out.DefinitionCatalog;
import org.openapproval.core.port.out.ProcessReader;
import org.openapproval.core.port.in.Capability;
import org.openapproval.core.spi.ProviderPorts;
import org.openapproval.core.port.in.UnsupportedCapabilityException;
import org.openapproval.core.port.in.Page;
import org.openapproval.core.port.in.PageToken;
import org.openapproval.core.port.in.ServiceClosedException;
import org.openapproval.core.port.in.StartInput;
import org.openapproval.core.spi.ApprovalObserver;
import org.openapproval.core.spi.ObservedOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The use cases of {@link ApprovalService} over one provider's driven ports: load the process, let the
 * aggregate validate, call the port, and reconcile a write whose outcome was lost in transit by reading
 * the process back. Writes are never retried.
 *
 * <p>Thread-safe: it keeps no state but the closed flag; the ports it calls must be thread-safe (an SPI
 * rule). Every call that reaches the provider is reported to the {@link ApprovalObserver}.
 */
public final class DefaultApprovalService implements ApprovalService {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultApprovalService.class);

    private final ProviderPorts ports;
    private final Clock clock;
    private final Set<StartInput> startInputs;
    private final ApprovalObserver observer;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * A service whose provider's start honours every {@link StartInput}, observed by nobody; for tests and
     * hand wiring. {@code Approvals.connect} uses the provider's declaration instead.
     *
     * @param ports the provider's ports; closed with this service
     * @param clock stamps decisions
     */
    public DefaultApprovalService(ProviderPorts ports, Clock clock) {
        this(ports, clock, EnumSet.allOf(StartInput.class), ApprovalObserver.NONE);
    }

    /**
     * @param ports the provider's ports; closed with this service
     * @param clock stamps decisions
     * @param startInputs the parts of a start command the provider's start honours
     * @param observer where every call is reported
     */
    public DefaultApprovalService(ProviderPorts ports, Clock clock, Set<StartInput> startInputs,
                                  ApprovalObserver observer) {
        this.ports = Objects.requireNonNull(ports, "ports");
        this.clock = Objects.requireNonNull(clock, "clock");
        Set<StartInput> honoured = EnumSet.noneOf(StartInput.class);
        if (ports.capabilities().contains(Capability.START)) {
            honoured.addAll(Objects.requireNonNull(startInputs, "startInputs"));
        }
        this.startInputs = java.util.Collections.unmodifiableSet(honoured);
        this.observer = new GuardedObserver(Objects.requireNonNull(observer, "observer"));
    }

    @Override
    public String providerId() {
        return ports.providerId();
    }

    @Override
    public Set<Capability> capabilities() {
        ensureOpen();
        return ports.capabilities();
    }

    @Override
    public Optional<String> unsupportedReason(Capability capability) {
        ensureOpen();
        return ports.unsupportedReason(Objects.requireNonNull(capability, "capability"));
    }

    @Override
    public DecisionPolicy decisionPolicy() {
        ensureOpen();
        return ports.decisionPolicy();
    }

    @Override
    public Set<StartInput> startInputs() {
        ensureOpen();
        return startInputs;
    }

    // ------------------------------------------------------------------ reads

    @Override
    public List<ApprovalDefinition> definitions() {
        return observed("definitions", () -> catalog().definitions());
    }

    @Override
    public Optional<ApprovalDefinition> definition(String definitionId) {
        Identifiers.requireSegment(definitionId, "definition id");
        return observed("definition", () -> catalog().definition(definitionId));
    }

    @Override
    public List<ApprovalProcess> processesOf(RecordRef record) {
        Objects.requireNonNull(record, "record");
        return observed("processesOf", () -> reader().processesOf(record));
    }

    @Override
    public Optional<ApprovalProcess> process(ProcessId id) {
        Objects.requireNonNull(id, "id");
        return observed("process", () -> reader().process(id));
    }

    @Override
    public Optional<Task> pendingTask(ProcessId process, UserRef user) {
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(user, "user");
        return observed("pendingTask", () -> reader().process(process).flatMap(p -> pendingTaskOf(p, user)));
    }

    @Override
    public Optional<Task> pendingTask(RecordRef record, UserRef user) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(user, "user");
        return observed("pendingTask", () -> reader().processesOf(record).stream()
                .sorted(Comparator.comparing(ApprovalProcess::createdAt).reversed())
                .map(p -> pendingTaskOf(p, user))
                .flatMap(Optional::stream)
                .findFirst());
    }

    private static Optional<Task> pendingTaskOf(ApprovalProcess p, UserRef user) {
        if (!p.isOpen()) {
            return Optional.empty();
        }
        return p.pendingTasks().stream().filter(t -> t.assignee().isSamePersonAs(user)).findFirst();
    }

    @Override
    public Stream<ApprovalProcess> query(ProcessQuery query) {
        Objects.requireNonNull(query, "query");
        ensureOpen();
        var search = ports.processSearch().orElseThrow(() -> unsupported(Capability.QUERY_PROCESSES));
        // One observation per vendor page the stream fetches: the stream itself does no I/O when created.
        return LazyPages.stream(token -> observed("query", () -> search.search(query, token)), providerId());
    }

    @Override
    public Page<ApprovalProcess> queryPage(ProcessQuery query, Optional<PageToken> token) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(token, "token");
        return observed("queryPage", () -> {
            var search = ports.processSearch().orElseThrow(() -> unsupported(Capability.QUERY_PROCESSES));
            String scope = providerId() + "|query|" + query;
            return page(scope, search.search(query, cursor(scope, token)));
        });
    }

    @Override
    public Stream<PendingTask> pendingTasks(UserRef user) {
        Objects.requireNonNull(user, "user");
        ensureOpen();
        var inbox = ports.taskInbox().orElseThrow(() -> unsupported(Capability.PENDING_TASKS));
        return LazyPages.stream(token -> observed("pendingTasks", () -> inbox.pendingTasks(user, token)),
                providerId());
    }

    @Override
    public Page<PendingTask> pendingTasksPage(UserRef user, Optional<PageToken> token) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(token, "token");
        return observed("pendingTasksPage", () -> {
            var inbox = ports.taskInbox().orElseThrow(() -> unsupported(Capability.PENDING_TASKS));
            String scope = providerId() + "|inbox|" + user.id();
            return page(scope, inbox.pendingTasks(user, cursor(scope, token)));
        });
    }

    private Optional<String> cursor(String scope, Optional<PageToken> token) {
        try {
            return token.map(t -> t.cursorFor(scope));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage(), ErrorContext.provider(providerId()), null);
        }
    }

    private static <T> Page<T> page(String scope, org.openapproval.core.port.out.Page<T> vendorPage) {
        return new Page<>(vendorPage.items(), vendorPage.nextPageToken().map(n -> PageToken.issue(scope, n)));
    }

    @Override
    public List<Step> returnTargets(TaskId task) {
        Objects.requireNonNull(task, "task");
        return observed("returnTargets", () -> {
            requireCapability(Capability.RETURN);
            return load(task.process()).returnTargets(task);
        });
    }

    // ------------------------------------------------------------------ decisions

    @Override
    public WriteReceipt approve(ApproveCommand c) {
        Objects.requireNonNull(c, "command");
        return observedWrite("approve", () -> {
            requireCapability(Capability.APPROVE);
            return decide(c.task(), Decision.approve(c.actor(), c.comment().orElse(null), clock.instant()));
        });
    }

    @Override
    public WriteReceipt reject(RejectCommand c) {
        Objects.requireNonNull(c, "command");
        return observedWrite("reject", () -> {
            requireCapability(Capability.REJECT);
            return decide(c.task(), Decision.reject(c.actor(), c.comment().orElse(null), clock.instant()));
        });
    }

    @Override
    public WriteReceipt returnTo(ReturnCommand c) {
        Objects.requireNonNull(c, "command");
        return observedWrite("returnTo", () -> {
            requireCapability(Capability.RETURN);
            return decide(c.task(), Decision.returnTo(c.target(), c.actor(), c.comment().orElse(null),
                    clock.instant()));
        });
    }

    private WriteReceipt decide(TaskId taskId, Decision decision) {
        // the provider's comment policy is known without a read: a missing comment costs no request
        if (ports.decisionPolicy().requiresComment(decision.verdict()) && decision.comment().isEmpty()) {
            throw new CommentRequiredException("provider " + providerId() + " requires a comment to "
                    + decision.verdict().name().toLowerCase(java.util.Locale.ROOT) + " task " + taskId,
                    ErrorContext.provider(providerId()));
        }
        ApprovalProcess before = load(taskId.process());
        ValidatedDecision validated = before.decide(taskId, decision, ports.decisionPolicy());
        var writer = ports.decisionWriter().orElseThrow(() -> unsupported(Capability.APPROVE));
        try {
            writer.submit(validated);
        } catch (RuntimeException failure) {
            if (!mayHaveTakenEffect(failure)) {
                throw failure;
            }
            return reconcile(before.id(), failure, "the " + decision.verdict() + " of task " + taskId,
                    after -> decisionOutcome(after, taskId, decision, mayStillArrive(failure)));
        }
        return new WriteReceipt(before.id(), readBackQuietly(before.id()), false);
    }

    /**
     * Judges a decision from the process read back: its task shows the verdict (applied); it was settled
     * some other way, so ours can no longer apply (not applied); it is still pending (not applied, unless
     * the request may still arrive after a time-out); or the task is gone or unreadable (unknown).
     */
    private static Outcome decisionOutcome(ApprovalProcess after, TaskId taskId, Decision decision,
                                           boolean mayStillArrive) {
        Optional<Task> task = after.task(taskId);
        if (task.isEmpty() || task.get().state() == TaskState.UNKNOWN) {
            return Outcome.UNKNOWN;
        }
        Task t = task.get();
        if (t.state() == decision.verdict().resultingTaskState()
                && t.decision().map(d -> d.actor().isSamePersonAs(decision.actor())).orElse(true)) {
            return Outcome.APPLIED;
        }
        if (t.isPending() && after.isOpen()) {
            return mayStillArrive ? Outcome.UNKNOWN : Outcome.NOT_APPLIED;
        }
        return Outcome.NOT_APPLIED;
    }

    /** A request that timed out may still be processed by the vendor after we looked. */
    private static boolean mayStillArrive(RuntimeException failure) {
        return failure instanceof VendorTimeoutException || !(failure instanceof ApprovalException);
    }

    // ------------------------------------------------------------------ cancel and start

    @Override
    public WriteReceipt cancel(CancelCommand c) {
        Objects.requireNonNull(c, "command");
        return observedWrite("cancel", () -> cancelObserved(c));
    }

    private WriteReceipt cancelObserved(CancelCommand c) {
        requireCapability(Capability.CANCEL);
        ApprovalProcess before = load(c.process());
        before.checkCancellable(c.actor(), ports.decisionPolicy());
        var canceller = ports.processCanceller().orElseThrow(() -> unsupported(Capability.CANCEL));
        try {
            canceller.cancel(before, c.actor(), c.reason());
        } catch (RuntimeException failure) {
            if (!mayHaveTakenEffect(failure)) {
                throw failure;
            }
            boolean mayStillArrive = mayStillArrive(failure);
            return reconcile(before.id(), failure, "the cancellation of process " + before.id(),
                    after -> after.state() == ProcessState.CANCELLED ? Outcome.APPLIED
                            : after.state() == ProcessState.UNKNOWN ? Outcome.UNKNOWN
                            : after.isOpen() && mayStillArrive ? Outcome.UNKNOWN
                            : Outcome.NOT_APPLIED);
        }
        return new WriteReceipt(before.id(), readBackQuietly(before.id()), false);
    }

    @Override
    public StartReceipt start(StartCommand c) {
        Objects.requireNonNull(c, "command");
        return observed("start", () -> startObserved(c));
    }

    private StartReceipt startObserved(StartCommand c) {
        requireCapability(Capability.START);
        // Refused before any request: silently dropping the record or initiator would leave the application
        // unable to link its own record to the process it believes it started.
        Set<StartInput> ignored = EnumSet.noneOf(StartInput.class);
        ignored.addAll(c.usedInputs());
        ignored.removeAll(startInputs);
        if (!ignored.isEmpty() && !c.ignoredInputsAllowed()) {
            throw new InvalidRequestException("provider " + providerId() + " cannot honour " + ignored
                    + " when starting a process (it honours " + startInputs + "); leave them out, or build the "
                    + "command with allowIgnoredInputs() to start anyway and find them on the receipt",
                    ErrorContext.provider(providerId()), null);
        }
        ports.definitionCatalog().ifPresent(catalog -> checkInputs(catalog, c));
        var starter = ports.processStarter().orElseThrow(() -> unsupported(Capability.START));
        try {
            StartReceipt receipt = starter.start(c);
            return ignored.isEmpty() ? receipt : receipt.withIgnoredInputs(ignored);
        } catch (RuntimeException failure) {
            if (!mayHaveTakenEffect(failure)) {
                throw failure;
            }
            // A start has no id to read back before it succeeds, so its outcome cannot be checked here.
            OutcomeUnknownException unknown = new OutcomeUnknownException("starting definition " + c.definitionId()
                    + " failed in transit; it may or may not have started. Look for the new process before trying again",
                    context(failure), failure);
            LOG.warn(unknown.getMessage());
            observer.count(ApprovalObserver.Event.OUTCOME_UNKNOWN_WRITE, providerId(), "start");
            throw unknown;
        }
    }

    private void checkInputs(DefinitionCatalog catalog, StartCommand c) {
        ApprovalDefinition definition = catalog.definition(c.definitionId()).orElseThrow(() -> new NotFoundException(
                "definition " + c.definitionId() + " is not known to provider " + providerId(),
                ErrorContext.provider(providerId()), null));
        List<String> missing = definition.requiredInputs().stream().map(InputParameter::name)
                .filter(name -> !c.inputs().containsKey(name) || c.inputs().get(name).isBlank())
                .toList();
        if (!missing.isEmpty()) {
            throw new InvalidRequestException("definition " + definition.ref() + " needs input(s) " + missing
                    + " to start", ErrorContext.provider(providerId()), null);
        }
    }

    @Override
    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            LOG.debug("closing the approval service for provider {}", providerId());
            ports.close();
        }
    }

    // ------------------------------------------------------------------ observation

    private void ensureOpen() {
        if (closed.get()) {
            throw new ServiceClosedException(providerId());
        }
    }

    private <T> T observed(String operation, Supplier<T> call) {
        ensureOpen();
        ApprovalObserver.Observation observation = observer.start(ApprovalObserver.CallKind.SERVICE, providerId(),
                operation);
        try {
            return call.get();
        } catch (RuntimeException | Error failure) {
            observation.failed(failure);
            throw failure;
        } finally {
            observation.close();
        }
    }

    private WriteReceipt observedWrite(String operation, Supplier<WriteReceipt> call) {
        ensureOpen();
        ApprovalObserver.Observation observation = observer.start(ApprovalObserver.CallKind.SERVICE, providerId(),
                operation);
        try {
            WriteReceipt receipt = call.get();
            if (receipt.confirmedByReadBack()) {
                observation.outcome(ObservedOutcome.CONFIRMED_BY_READ_BACK);
            }
            return receipt;
        } catch (RuntimeException | Error failure) {
            if (failure instanceof OutcomeUnknownException) {
                observer.count(ApprovalObserver.Event.OUTCOME_UNKNOWN_WRITE, providerId(), operation);
            }
            observation.failed(failure);
            throw failure;
        } finally {
            observation.close();
        }
    }

    // ------------------------------------------------------------------ reconciliation

    private enum Outcome { APPLIED, NOT_APPLIED, UNKNOWN }

    /** Transport trouble or an unreadable answer may hide a write that took effect; everything else is definite. */
    private static boolean mayHaveTakenEffect(RuntimeException failure) {
        if (failure instanceof ApprovalException ae) {
            return ae instanceof VendorUnavailableException || ae instanceof VendorProtocolException;
        }
        return true; // an unexpected exception inside the adapter: the request may have gone out
    }

    private WriteReceipt reconcile(ProcessId id, RuntimeException failure, String what,
                                   java.util.function.Function<ApprovalProcess, Outcome> judge) {
        Optional<ApprovalProcess> after;
        try {
            after = reader().process(id);
        } catch (RuntimeException readFailure) {
            OutcomeUnknownException unknown = new OutcomeUnknownException(what + " failed in transit and reading "
                    + "the process back failed too; check process " + id + " before trying again",
                    context(failure), failure);
            unknown.addSuppressed(readFailure);
            LOG.warn(unknown.getMessage());
            throw unknown;
        }
        Outcome outcome = after.map(judge).orElse(Outcome.UNKNOWN);
        switch (outcome) {
            case APPLIED -> {
                LOG.info("{} failed in transit ({}) but the read-back shows it took effect", what,
                        failure.getClass().getSimpleName());
                return new WriteReceipt(id, after, true);
            }
            case NOT_APPLIED -> {
                LOG.info("{} failed and the read-back shows it did not take effect", what);
                throw failure;
            }
            default -> {
                OutcomeUnknownException unknown = new OutcomeUnknownException(what + " failed in transit and the "
                        + "process read back does not tell whether it took effect; check process " + id
                        + " before trying again", context(failure), failure);
                LOG.warn(unknown.getMessage());
                throw unknown;
            }
        }
    }

    private Optional<ApprovalProcess> readBackQuietly(ProcessId id) {
        try {
            return reader().process(id);
        } catch (RuntimeException e) {
            // The write succeeded; a failed confirmation read must not turn it into an error.
            LOG.debug("read-back of process {} after a successful write failed: {}", id, e.toString());
            return Optional.empty();
        }
    }

    private ErrorContext context(RuntimeException failure) {
        ErrorContext base = failure instanceof ApprovalException ae ? ae.context() : ErrorContext.none();
        return base.providerId().isPresent() ? base : base.withProvider(providerId());
    }

    // ------------------------------------------------------------------ helpers

    private ApprovalProcess load(ProcessId id) {
        return reader().process(id).orElseThrow(() -> new NotFoundException("process " + id
                + " was not found at provider " + providerId(), ErrorContext.provider(providerId()), null));
    }

    private ProcessReader reader() {
        return ports.processReader().orElseThrow(() -> unsupported(Capability.READ_PROCESSES));
    }

    private DefinitionCatalog catalog() {
        return ports.definitionCatalog().orElseThrow(() -> unsupported(Capability.LIST_DEFINITIONS));
    }

    private void requireCapability(Capability capability) {
        if (!ports.capabilities().contains(capability)) {
            throw unsupported(capability);
        }
    }

    private UnsupportedCapabilityException unsupported(Capability capability) {
        return new UnsupportedCapabilityException(providerId(), capability,
                ports.unsupportedReason(capability).orElse("not available"));
    }
}
