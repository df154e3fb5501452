package org.openapproval.core.port.in;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.openapproval.core.domain.ApprovalDefinition;
import org.openapproval.core.domain.ApprovalProcess;
import org.openapproval.core.domain.DecisionPolicy;
import org.openapproval.core.domain.PendingTask;
import org.openapproval.core.domain.ProcessId;
import org.openapproval.core.domain.RecordRef;
import org.openapproval.core.domain.Step;
import org.openapproval.core.domain.Task;
import org.openapproval.core.domain.TaskId;
import org.openapproval.core.domain.UserRef;

/**
 * The one entry point an application uses, whatever the vendor. Get one from
 * {@code Approvals.connect(providerId, config)}, inject it with {@code ApprovalModule} (Guice) or let the
 * Spring Boot starter create it.
 *
 * <p><b>Failures</b> are {@link org.openapproval.core.domain.ApprovalException}s: a
 * {@link org.openapproval.core.domain.DomainRuleException} when the domain refuses before sending, an
 * {@link UnsupportedCapabilityException} when the provider lacks the operation, a
 * {@link ServiceClosedException} after {@link #close()}, and the vendor/transport family otherwise. Reads
 * report absence as empty results. Writes are never retried blindly; see {@link WriteReceipt} and
 * {@link org.openapproval.core.domain.OutcomeUnknownException}.
 *
 * <p><b>Threads.</b> An {@code ApprovalService} is thread-safe: create one per provider configuration,
 * share it across the application's threads and close it once, at shutdown. Concurrent writes to the same
 * task are settled by the vendor (one wins; the other fails or is reported as not applied).
 *
 * <p><b>Streams and pages.</b> {@link #query} and {@link #pendingTasks} return lazy streams that fetch the
 * next vendor page only when they reach it. They hold no connection or other resource between pages, so
 * they need not be closed (closing them is harmless) and may be abandoned half-read; a stream itself is
 * for one thread, like every {@link Stream}. {@link #queryPage} and {@link #pendingTasksPage} give the
 * same listings one page at a time, with a {@link PageToken} a web client can hand back.
 */
public interface ApprovalService extends AutoCloseable {

    /** @return the id of the provider this service talks to, e.g. {@code nocoly} */
    String providerId();

    /** @return what this provider, as configured, can do */
    Set<Capability> capabilities();

    /**
     * @param capability a capability
     * @return why it is missing (e.g. the configuration keys it needs), or empty when supported
     */
    Optional<String> unsupportedReason(Capability capability);

    /** @return the provider's rules for decisions, e.g. whether a comment is required; checked before sending */
    DecisionPolicy decisionPolicy();

    /** @return the parts of a {@link StartCommand} this provider's start honours; empty without START */
    Set<StartInput> startInputs();

    /** @return the approval flow definitions the provider knows */
    List<ApprovalDefinition> definitions();

    /**
     * @param definitionId a definition's id
     * @return the definition, or empty if the provider knows none by that id
     */
    Optional<ApprovalDefinition> definition(String definitionId);

    /**
     * @param record a business record
     * @return every process that ran or runs on the record, oldest first
     */
    List<ApprovalProcess> processesOf(RecordRef record);

    /**
     * @param id a process id
     * @return the process with its steps and tasks, or empty if there is none
     */
    Optional<ApprovalProcess> process(ProcessId id);

    /**
     * The task awaiting this user's decision on one process: what an application needs to offer its user
     * "approve" on a screen that shows one process.
     *
     * @param process the process
     * @param user the user (matched like {@link UserRef#isSamePersonAs})
     * @return the user's pending task, or empty if the process is unknown, closed or awaits others
     */
    Optional<Task> pendingTask(ProcessId process, UserRef user);

    /**
     * The task awaiting this user's decision on any open process of a record (the newest process first).
     *
     * @param record the business record
     * @param user the user
     * @return the user's pending task, or empty if none awaits them
     */
    Optional<Task> pendingTask(RecordRef record, UserRef user);

    /**
     * Processes matching a query, as a lazy stream (see the class comment on closing).
     *
     * @param query what to list
     * @return the matching processes; each vendor page is fetched only when the stream reaches it
     */
    Stream<ApprovalProcess> query(ProcessQuery query);

    /**
     * One page of processes matching a query.
     *
     * @param query what to list; its page size bounds the page
     * @param token empty for the first page, else the previous page's {@link Page#next()}
     * @return the page and the token of the next
     * @throws org.openapproval.core.domain.InvalidRequestException if the token belongs to another listing
     */
    Page<ApprovalProcess> queryPage(ProcessQuery query, Optional<PageToken> token);

    /**
     * Tasks awaiting this user's decision, as a lazy stream (see the class comment on closing).
     *
     * @param user the user
     * @return the user's pending tasks; fetched page by page as the stream advances
     */
    Stream<PendingTask> pendingTasks(UserRef user);

    /**
     * One page of the tasks awaiting this user's decision.
     *
     * @param user the user
     * @param token empty for the first page, else the previous page's {@link Page#next()}
     * @return the page and the token of the next
     * @throws org.openapproval.core.domain.InvalidRequestException if the token belongs to another listing
     */
    Page<PendingTask> pendingTasksPage(UserRef user, Optional<PageToken> token);

    /**
     * @param command what to approve, as whom
     * @return the receipt, with the process read back
     */
    WriteReceipt approve(ApproveCommand command);

    /**
     * @param command what to reject, as whom
     * @return the receipt, with the process read back
     */
    WriteReceipt reject(RejectCommand command);

    /**
     * @param command which task sends the flow back to which earlier step, as whom
     * @return the receipt, with the process read back
     */
    WriteReceipt returnTo(ReturnCommand command);

    /**
     * @param task a pending task
     * @return the earlier steps the task's step may be sent back to
     */
    List<Step> returnTargets(TaskId task);

    /**
     * @param command which process to cancel, as whom and why
     * @return the receipt, with the process read back
     */
    WriteReceipt cancel(CancelCommand command);

    /**
     * Starts a definition. Parts of the command the provider cannot honour ({@link #startInputs()}) are
     * refused before any request, unless the command allows them to be ignored.
     *
     * @param command what to start
     * @return the receipt: the new process where the vendor says it, and what was ignored
     * @throws org.openapproval.core.domain.InvalidRequestException if the command uses parts the provider
     *         cannot honour and does not allow them to be ignored
     */
    StartReceipt start(StartCommand command);

    /** @return true once {@link #close()} was called; every later call throws {@link ServiceClosedException} */
    boolean isClosed();

    /** Releases the provider's resources (HTTP clients, sandbox connections). Idempotent and thread-safe. */
    @Override
    void close();
}
