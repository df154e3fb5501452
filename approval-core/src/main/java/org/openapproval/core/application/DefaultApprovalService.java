package org.openapproval.core.application;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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

/**
 * The use cases of {@link ApprovalService} over one provider's driven ports: load the process, let the
 * aggregate validate, call the port, and reconcile a write whose outcome was lost in transit by reading
 * the process back. Writes are never retried.
 */
public final class DefaultApprovalService implements ApprovalService {
    private static final System.Logger LOG = System.getLogger(DefaultApprovalService.class.getName());

    private final ProviderPorts ports;
    private final Clock clock;

    public DefaultApprovalService(ProviderPorts ports, Clock clock) {
        this.ports = Objects.requireNonNull(ports, "ports");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String providerId() {
        return ports.providerId();
    }

    @Override
    public Set<Capability> capabilities() {
        return ports.capabilities();
    }

    @Override
    public Optional<String> unsupportedReason(Capability capability) {
        return ports.unsupportedReason(Objects.requireNonNull(capability, "capability"));
    }

    @Override
    public DecisionPolicy decisionPolicy() {
        return ports.decisionPolicy();
    }

    // ------------------------------------------------------------------ reads

    @Override
    public List<ApprovalDefinition> definitions() {
        return catalog().definitions();
    }

    @Override
    public Optional<ApprovalDefinition> definition(String definitionId) {
        Identifiers.requireSegment(definitionId, "definition id");
        return catalog().definition(definitionId);
    }

    @Override
    public List<ApprovalProcess> processesOf(RecordRef record) {
        Objects.requireNonNull(record, "record");
        return reader().processesOf(record);
    }

    @Override
    public Optional<ApprovalProcess> process(ProcessId id) {
        Objects.requireNonNull(id, "id");
        return reader().process(id);
    }

    @Override
    public Stream<ApprovalProcess> query(ProcessQuery query) {
        Objects.requireNonNull(query, "query");
        var search = ports.processSearch().orElseThrow(() -> unsupported(Capability.QUERY_PROCESSES));
        return LazyPages.stream(token -> search.search(query, token), providerId());
    }

    @Override
    public Stream<PendingTask> pendingTasks(UserRef user) {
        Objects.requireNonNull(user, "user");
        var inbox = ports.taskInbox().orElseThrow(() -> unsupported(Capability.PENDING_TASKS));
        return LazyPages.stream(token -> inbox.pendingTasks(user, token), providerId());
    }

    @Override
    public List<Step> returnTargets(TaskId task) {
        Objects.requireNonNull(task, "task");
        requireCapability(Capability.RETURN);
        return load(task.process()).returnTargets(task);
    }

    // ------------------------------------------------------------------ decisions

    @Override
    public WriteReceipt approve(ApproveCommand c) {
        Objects.requireNonNull(c, "command");
        requireCapability(Capability.APPROVE);
        return decide(c.task(), Decision.approve(c.actor(), c.comment().orElse(null), clock.instant()));
    }

    @Override
    public WriteReceipt reject(RejectCommand c) {
        Objects.requireNonNull(c, "command");
        requireCapability(Capability.REJECT);
        return decide(c.task(), Decision.reject(c.actor(), c.comment().orElse(null), clock.instant()));
    }

    @Override
    public WriteReceipt returnTo(ReturnCommand c) {
        Objects.requireNonNull(c, "command");
        requireCapability(Capability.RETURN);
        return decide(c.task(), Decision.returnTo(c.target(), c.actor(), c.comment().orElse(null), clock.instant()));
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
        requireCapability(Capability.CANCEL);
        ApprovalProcess before = load(c.process());
        before.checkCancellable();
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
        requireCapability(Capability.START);
        ports.definitionCatalog().ifPresent(catalog -> checkInputs(catalog, c));
        var starter = ports.processStarter().orElseThrow(() -> unsupported(Capability.START));
        try {
            return starter.start(c);
        } catch (RuntimeException failure) {
            if (!mayHaveTakenEffect(failure)) {
                throw failure;
            }
            // A start has no id to read back before it succeeds, so its outcome cannot be checked here.
            OutcomeUnknownException unknown = new OutcomeUnknownException("starting definition " + c.definitionId()
                    + " failed in transit; it may or may not have started. Look for the new process before trying again",
                    context(failure), failure);
            LOG.log(Level.WARNING, unknown.getMessage());
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
    public void close() {
        ports.close();
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
            LOG.log(Level.WARNING, unknown.getMessage());
            throw unknown;
        }
        Outcome outcome = after.map(judge).orElse(Outcome.UNKNOWN);
        switch (outcome) {
            case APPLIED -> {
                LOG.log(Level.INFO, "{0} failed in transit ({1}) but the read-back shows it took effect",
                        what, failure.getMessage());
                return new WriteReceipt(id, after, true);
            }
            case NOT_APPLIED -> {
                LOG.log(Level.INFO, "{0} failed and the read-back shows it did not take effect", what);
                throw failure;
            }
            default -> {
                OutcomeUnknownException unknown = new OutcomeUnknownException(what + " failed in transit and the "
                        + "process read back does not tell whether it took effect; check process " + id
                        + " before trying again", context(failure), failure);
                LOG.log(Level.WARNING, unknown.getMessage());
                throw unknown;
            }
        }
    }

    private Optional<ApprovalProcess> readBackQuietly(ProcessId id) {
        try {
            return reader().process(id);
        } catch (RuntimeException e) {
            // The write succeeded; a failed confirmation read must not turn it into an error.
            LOG.log(Level.DEBUG, "read-back of process {0} after a successful write failed: {1}", id, e.getMessage());
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
