package org.openapproval.tck.example;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;
import org.openapproval.core.domain.ApprovalMode;
import org.openapproval.core.domain.ApprovalProcess;
import org.openapproval.core.domain.Decision;
import org.openapproval.core.domain.DefinitionRef;
import org.openapproval.core.domain.PendingTask;
import org.openapproval.core.domain.ProcessId;
import org.openapproval.core.domain.ProcessState;
import org.openapproval.core.domain.RecordRef;
import org.openapproval.core.domain.Step;
import org.openapproval.core.domain.StepId;
import org.openapproval.core.domain.StepKind;
import org.openapproval.core.domain.StepState;
import org.openapproval.core.domain.Task;
import org.openapproval.core.domain.TaskId;
import org.openapproval.core.domain.TaskState;
import org.openapproval.core.domain.TriggerKind;
import org.openapproval.core.domain.UserRef;
import org.openapproval.core.domain.ValidatedDecision;
import org.openapproval.core.port.out.DecisionWriter;
import org.openapproval.core.port.out.Page;
import org.openapproval.core.port.out.ProcessReader;
import org.openapproval.core.port.out.TaskInbox;
import org.openapproval.tck.example.ExampleVendor.InboxItem;
import org.openapproval.tck.example.ExampleVendor.Person;
import org.openapproval.tck.example.ExampleVendor.Request;
import org.openapproval.tck.example.ExampleVendor.Stage;
import org.openapproval.tck.example.ExampleVendor.Vote;

/**
 * The driven ports this provider implements, as translation between the vendor's records and the
 * neutral model. Ids: a process is {@code <request id>}, a step {@code <request id>/<stage number>}, a
 * task {@code <request id>/<vote id>}, a record {@code Document:<document id>}; so every id carries
 * what the next vendor call needs.
 */
final class ExamplePorts implements ProcessReader, TaskInbox, DecisionWriter {
    static final String DOCUMENT = "Document";

    private final ExampleClient client;

    ExamplePorts(ExampleClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    static ProcessId processId(String requestId) {
        return ProcessId.of(requestId);
    }

    static RecordRef document(String documentId) {
        return RecordRef.of(DOCUMENT, documentId);
    }

    // ------------------------------------------------------------------ ports

    @Override
    public Optional<ApprovalProcess> process(ProcessId id) {
        if (id.segments().size() != 1) {
            return Optional.empty(); // not an id this provider hands out, so nothing the vendor knows
        }
        return client.request(id.segment(0)).map(ExamplePorts::process);
    }

    @Override
    public List<ApprovalProcess> processesOf(RecordRef record) {
        if (!record.objectType().equals(DOCUMENT)) {
            return List.of();
        }
        return client.requestsOf(record.recordId()).stream().map(ExamplePorts::process).toList();
    }

    /** One page: the vendor's inbox is not paged. A paging vendor would hand its cursor out as the token. */
    @Override
    public Page<PendingTask> pendingTasks(UserRef user, Optional<String> pageToken) {
        return Page.last(client.inbox(user.id()).stream().map(ExamplePorts::pendingTask).toList());
    }

    /** Sends the vote; the domain has already checked the task is pending and the actor its assignee. */
    @Override
    public void submit(ValidatedDecision decision) {
        boolean yes = switch (decision.decision().verdict()) {
            case APPROVE -> true;
            case REJECT -> false;
            case RETURN -> throw new IllegalStateException("RETURN is not declared, so the service never sends it");
        };
        String voteId = decision.task().id().segment(0);
        client.vote(voteId, decision.decision().actor().id(), yes, decision.decision().comment().orElse(""));
    }

    // ------------------------------------------------------------------ vendor → neutral

    private static ApprovalProcess process(Request r) {
        ProcessId id = processId(r.id());
        List<Step> steps = IntStream.range(0, r.stages().size()).mapToObj(i -> step(id, i, r.stages().get(i)))
                .toList();
        return ApprovalProcess.builder().id(id).providerId(ExampleProvider.ID)
                .definition(new DefinitionRef(r.flowId(), r.flowName())).record(document(r.documentId()))
                .state(processState(r.status())).vendorStatus(String.valueOf(r.status()))
                .trigger(TriggerKind.MANUAL).initiator(user(r.submitter()))
                .createdAt(r.submittedAt()).endedAt(r.closedAt())
                .steps(steps).attribute("title", r.title())
                .build();
    }

    private static Step step(ProcessId process, int index, Stage s) {
        ApprovalMode mode = s.rule().equals(ExampleVendor.ALL) ? ApprovalMode.ALL_OF
                : s.approvers().size() == 1 ? ApprovalMode.SINGLE : ApprovalMode.ANY_OF;
        return new Step(StepId.of(process, String.valueOf(index + 1)), s.name(), StepKind.APPROVAL, mode,
                stepState(s.status()), String.valueOf(s.status()),
                s.approvers().stream().map(ExamplePorts::user).toList(),
                s.votes().stream().map(v -> task(process, v)).toList());
    }

    private static Task task(ProcessId process, Vote v) {
        UserRef voter = user(v.voter());
        String comment = v.comment() == null || v.comment().isBlank() ? null : v.comment();
        Optional<Decision> decision = switch (v.status()) {
            case ExampleVendor.VOTE_YES -> Optional.of(Decision.approve(voter, comment, v.decidedAt()));
            case ExampleVendor.VOTE_NO -> Optional.of(Decision.reject(voter, comment, v.decidedAt()));
            default -> Optional.empty();
        };
        return new Task(TaskId.of(process, v.id()), voter, taskState(v.status()), String.valueOf(v.status()),
                decision, Optional.of(v.openedAt()));
    }

    private static PendingTask pendingTask(InboxItem item) {
        Vote v = item.vote();
        return new PendingTask(TaskId.of(processId(item.requestId()), v.id()),
                new DefinitionRef(item.flowId(), item.flowName()), document(item.documentId()), item.stageName(),
                user(v.voter()), Optional.of(v.openedAt()));
    }

    private static UserRef user(Person p) {
        return new UserRef(p.id(), p.name());
    }

    // Unknown codes map to UNKNOWN, never to a guess: the domain refuses to write on what it cannot read.

    private static ProcessState processState(int status) {
        return switch (status) {
            case ExampleVendor.REQUEST_OPEN -> ProcessState.IN_PROGRESS;
            case ExampleVendor.REQUEST_APPROVED -> ProcessState.APPROVED;
            case ExampleVendor.REQUEST_DENIED -> ProcessState.REJECTED;
            default -> ProcessState.UNKNOWN;
        };
    }

    private static StepState stepState(int status) {
        return switch (status) {
            case ExampleVendor.STAGE_NOT_REACHED -> StepState.WAITING;
            case ExampleVendor.STAGE_ACTIVE -> StepState.IN_PROGRESS;
            case ExampleVendor.STAGE_PASSED -> StepState.APPROVED;
            case ExampleVendor.STAGE_FAILED -> StepState.REJECTED;
            default -> StepState.UNKNOWN;
        };
    }

    private static TaskState taskState(int status) {
        return switch (status) {
            case ExampleVendor.VOTE_OPEN -> TaskState.PENDING;
            case ExampleVendor.VOTE_YES -> TaskState.APPROVED;
            case ExampleVendor.VOTE_NO -> TaskState.REJECTED;
            case ExampleVendor.VOTE_VOID -> TaskState.CANCELLED;
            default -> TaskState.UNKNOWN;
        };
    }
}
