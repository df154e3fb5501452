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
import org.openapproval.core.domain.TaskId;
import org.openapproval.core.domain.UserRef;

/**
 * The one entry point an application uses, whatever the vendor. Get one from
 * {@code Approvals.connect(providerId, config)} (or inject it with {@code ApprovalModule}).
 *
 * <p>Failures are {@link org.openapproval.core.domain.ApprovalException}s: a
 * {@link org.openapproval.core.domain.DomainRuleException} when the domain refuses before sending, an
 * {@link org.openapproval.core.port.in.UnsupportedCapabilityException} when the provider lacks the
 * operation, and the vendor/transport family otherwise. Reads report absence as empty results.
 * Writes are never retried blindly; see {@link WriteReceipt} and
 * {@link org.openapproval.core.domain.OutcomeUnknownException}.
 */
public interface ApprovalService extends AutoCloseable {

    String providerId();

    /** What this provider, as configured, can do. */
    Set<Capability> capabilities();

    /** Why a capability is missing (e.g. the configuration keys it needs), or empty when supported. */
    Optional<String> unsupportedReason(Capability capability);

    /** The provider's rules for decisions, e.g. whether a comment is required; checked before sending. */
    DecisionPolicy decisionPolicy();

    List<ApprovalDefinition> definitions();

    Optional<ApprovalDefinition> definition(String definitionId);

    /** Every process that ran or runs on a record, oldest first. */
    List<ApprovalProcess> processesOf(RecordRef record);

    Optional<ApprovalProcess> process(ProcessId id);

    /** A lazy stream: each vendor page is fetched only when the stream reaches it. */
    Stream<ApprovalProcess> query(ProcessQuery query);

    /** Tasks awaiting this user's decision, fetched lazily page by page. */
    Stream<PendingTask> pendingTasks(UserRef user);

    WriteReceipt approve(ApproveCommand command);

    WriteReceipt reject(RejectCommand command);

    WriteReceipt returnTo(ReturnCommand command);

    /** The earlier steps the task's step may be sent back to. */
    List<Step> returnTargets(TaskId task);

    WriteReceipt cancel(CancelCommand command);

    StartReceipt start(StartCommand command);

    /** Releases the provider's resources (HTTP clients, sandbox connections). Idempotent. */
    @Override
    void close();
}
