package org.openapproval.adapter.nocoly.mapping;

import org.openapproval.adapter.support.VendorText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mapstruct.Mapper;
import org.openapproval.adapter.support.AdapterMapperConfig;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;
import org.mapstruct.Named;
import org.mapstruct.ValueMapping;
import org.openapproval.adapter.nocoly.dto.ApprovalDetail;
import org.openapproval.adapter.nocoly.dto.HapAccount;
import org.openapproval.adapter.nocoly.dto.Work;
import org.openapproval.adapter.nocoly.dto.WorkItem;
import org.openapproval.adapter.nocoly.dto.WorkItemFile;
import org.openapproval.core.domain.Actor;
import org.openapproval.core.domain.ApprovalMode;
import org.openapproval.core.domain.ApprovalProcess;
import org.openapproval.core.domain.Attachment;
import org.openapproval.core.domain.Decision;
import org.openapproval.core.domain.DefinitionRef;
import org.openapproval.core.domain.ProcessId;
import org.openapproval.core.domain.ProcessState;
import org.openapproval.core.domain.RecordRef;
import org.openapproval.core.domain.Step;
import org.openapproval.core.domain.StepId;
import org.openapproval.core.domain.StepKind;
import org.openapproval.core.domain.StepState;
import org.openapproval.core.domain.Task;
import org.openapproval.core.domain.TaskId;
import org.openapproval.core.domain.TaskOutcome;
import org.openapproval.core.domain.TaskState;
import org.openapproval.core.domain.UserRef;
import org.openapproval.core.domain.Verdict;

/**
 * HAP approval executions (W5) to the domain. Ids: a process is {@code worksheetId:rowId:instanceId} (what
 * W5 needs), a step {@code …/workId} (one reached node), a task {@code …/workId:workItemId} (one
 * participant). Every enum of the fact sheet (§4.6) is mapped; anything else becomes UNKNOWN with the raw
 * code kept as the vendor status.
 */
@Mapper(config = AdapterMapperConfig.class)
public interface NocolyProcessMapper {
    String PROVIDER_ID = "nocoly";

    default ApprovalProcess toProcess(ProcessId id, ApprovalDetail detail) {
        return toProcess(id, detail, toSteps(id, detail));
    }

    @Mapping(target = "id", source = "id")
    @Mapping(target = "providerId", constant = PROVIDER_ID)
    @Mapping(target = "definition", source = "detail")
    @Mapping(target = "record", source = "id")
    @Mapping(target = "state", source = "detail.status")
    @Mapping(target = "vendorStatus", source = "detail.status", defaultValue = "")
    @Mapping(target = "trigger", constant = "UNKNOWN")
    @Mapping(target = "initiator", source = "detail.createAccount")
    @Mapping(target = "createdAt", source = "detail.createDate")
    @Mapping(target = "updatedAt", source = "detail", qualifiedByName = "lastActivity")
    @Mapping(target = "endedAt", source = "detail", qualifiedByName = "endedAt")
    @Mapping(target = "steps", source = "steps")
    @Mapping(target = "attributes", source = "detail")
    @Mapping(target = "stateChanges", ignore = true)
    ApprovalProcess toProcess(ProcessId id, ApprovalDetail detail, List<Step> steps);

    // -------------------------------------------------------------- enums (codes as text, MapStruct value maps)

    default ProcessState processState(Integer status) {
        return processStateCode(status == null ? null : String.valueOf(status));
    }

    @ValueMapping(source = "1", target = "IN_PROGRESS")
    @ValueMapping(source = "2", target = "APPROVED")
    @ValueMapping(source = "3", target = "REJECTED")
    @ValueMapping(source = "4", target = "FAILED")
    @ValueMapping(source = "6", target = "CANCELLED")
    @ValueMapping(source = "-1", target = "FAILED")
    @ValueMapping(source = MappingConstants.NULL, target = "UNKNOWN")
    @ValueMapping(source = MappingConstants.ANY_UNMAPPED, target = "UNKNOWN")
    ProcessState processStateCode(String status);

    default StepKind stepKind(Integer nodeType) {
        return stepKindCode(nodeType == null ? null : String.valueOf(nodeType));
    }

    @ValueMapping(source = "0", target = "START")
    @ValueMapping(source = "3", target = "FILL_IN")
    @ValueMapping(source = "4", target = "APPROVAL")
    @ValueMapping(source = "5", target = "NOTIFY")
    @ValueMapping(source = "27", target = "NOTIFY")
    @ValueMapping(source = "1", target = "SYSTEM")
    @ValueMapping(source = "2", target = "SYSTEM")
    @ValueMapping(source = "6", target = "SYSTEM")
    @ValueMapping(source = "7", target = "SYSTEM")
    @ValueMapping(source = "8", target = "SYSTEM")
    @ValueMapping(source = "9", target = "SYSTEM")
    @ValueMapping(source = "10", target = "SYSTEM")
    @ValueMapping(source = "11", target = "SYSTEM")
    @ValueMapping(source = "12", target = "SYSTEM")
    @ValueMapping(source = "13", target = "SYSTEM")
    @ValueMapping(source = "14", target = "SYSTEM")
    @ValueMapping(source = "15", target = "SYSTEM")
    @ValueMapping(source = "16", target = "SYSTEM")
    @ValueMapping(source = "17", target = "SYSTEM")
    @ValueMapping(source = "18", target = "SYSTEM")
    @ValueMapping(source = "19", target = "SYSTEM")
    @ValueMapping(source = "20", target = "SYSTEM")
    @ValueMapping(source = "21", target = "SYSTEM")
    @ValueMapping(source = "22", target = "SYSTEM")
    @ValueMapping(source = "23", target = "SYSTEM")
    @ValueMapping(source = "24", target = "SYSTEM")
    @ValueMapping(source = "25", target = "SYSTEM")
    @ValueMapping(source = "26", target = "SYSTEM")
    @ValueMapping(source = "28", target = "SYSTEM")
    @ValueMapping(source = "29", target = "SYSTEM")
    @ValueMapping(source = "30", target = "SYSTEM")
    @ValueMapping(source = "31", target = "SYSTEM")
    @ValueMapping(source = "32", target = "SYSTEM")
    @ValueMapping(source = "33", target = "SYSTEM")
    @ValueMapping(source = "34", target = "SYSTEM")
    @ValueMapping(source = "101", target = "SYSTEM")
    @ValueMapping(source = "1000", target = "SYSTEM")
    @ValueMapping(source = "1001", target = "SYSTEM")
    @ValueMapping(source = MappingConstants.NULL, target = "UNKNOWN")
    @ValueMapping(source = MappingConstants.ANY_UNMAPPED, target = "UNKNOWN")
    StepKind stepKindCode(String nodeType);

    /** What a participant did ({@code operationType}); a pending 0 is refined by whether the work is current. */
    default TaskState operation(Integer operationType) {
        return operationCode(operationType == null ? null : String.valueOf(operationType));
    }

    @ValueMapping(source = "0", target = "PENDING")
    @ValueMapping(source = "1", target = "APPROVED")
    @ValueMapping(source = "2", target = "APPROVED")
    @ValueMapping(source = "16", target = "APPROVED")
    @ValueMapping(source = "17", target = "APPROVED")
    @ValueMapping(source = "9", target = "APPROVED")
    @ValueMapping(source = "4", target = "REJECTED")
    @ValueMapping(source = "22", target = "REJECTED")
    @ValueMapping(source = "5", target = "CANCELLED")
    @ValueMapping(source = "3", target = "CANCELLED")
    @ValueMapping(source = "8", target = "CANCELLED")
    @ValueMapping(source = MappingConstants.NULL, target = "UNKNOWN")
    @ValueMapping(source = MappingConstants.ANY_UNMAPPED, target = "UNKNOWN")
    TaskState operationCode(String operationType);

    default ApprovalMode approvalMode(Integer countersignType, int participants) {
        if (countersignType == null) {
            return participants <= 1 ? ApprovalMode.SINGLE : ApprovalMode.UNKNOWN;
        }
        return countersignCode(String.valueOf(countersignType));
    }

    @ValueMapping(source = "1", target = "ALL_OF")
    @ValueMapping(source = "2", target = "ANY_OF")
    @ValueMapping(source = "3", target = "ANY_OF")
    @ValueMapping(source = "4", target = "UNKNOWN")
    @ValueMapping(source = MappingConstants.NULL, target = "UNKNOWN")
    @ValueMapping(source = MappingConstants.ANY_UNMAPPED, target = "UNKNOWN")
    ApprovalMode countersignCode(String countersignType);

    // -------------------------------------------------------------- values

    default RecordRef record(ProcessId id) {
        return RecordRef.of(id.segment(0), id.segment(1));
    }

    default DefinitionRef definition(ApprovalDetail d) {
        String id = d.processId() == null || d.processId().isBlank() ? "unknown" : d.processId();
        String name = VendorText.name(d.processName());
        return new DefinitionRef(id, name == null ? id : name);
    }

    default UserRef user(HapAccount account) {
        if (account == null || account.accountId() == null || account.accountId().isBlank()) {
            return null;
        }
        String name = VendorText.name(account.displayName());
        return new UserRef(account.accountId(), name == null ? account.accountId() : name);
    }

    @Named("lastActivity")
    default Instant lastActivity(ApprovalDetail d) {
        return d.works().stream().flatMap(w -> w.workItems().stream())
                .map(i -> i.operationTime() != null ? i.operationTime() : i.receiveTime())
                .filter(Objects::nonNull).max(Instant::compareTo).orElse(null);
    }

    /** W5 carries no end time; a closed execution ended with its last recorded operation. */
    @Named("endedAt")
    default Instant endedAt(ApprovalDetail d) {
        ProcessState state = processState(d.status());
        return state == ProcessState.IN_PROGRESS || state == ProcessState.UNKNOWN ? null : lastActivity(d);
    }

    default Map<String, String> attributes(ApprovalDetail d) {
        Map<String, String> out = new LinkedHashMap<>();
        put(out, "title", d.title());
        put(out, "companyId", d.companyId());
        put(out, "processId", d.processId());
        put(out, "parentId", d.parentId());
        if (d.app() != null) {
            put(out, "app.id", d.app().id());
            put(out, "app.name", d.app().name());
        }
        if (d.instanceType() != null) {
            out.put("instanceType", String.valueOf(d.instanceType()));
        }
        if (d.ownerAccount() != null) {
            put(out, "ownerAccount.accountId", d.ownerAccount().accountId());
        }
        if (!d.currentWorkIds().isEmpty()) {
            out.put("currentWorkIds", String.join(",", d.currentWorkIds()));
        }
        return out;
    }

    private static void put(Map<String, String> out, String key, String value) {
        if (value != null && !value.isBlank()) {
            out.put(key, value);
        }
    }

    // -------------------------------------------------------------- steps and tasks

    default List<Step> toSteps(ProcessId process, ApprovalDetail d) {
        ProcessState processState = processState(d.status());
        boolean closed = processState != ProcessState.IN_PROGRESS && processState != ProcessState.UNKNOWN;
        List<String> currentWorkIds = !d.currentWorkIds().isEmpty() || d.currentWorkItem() == null
                || d.currentWorkItem().workId() == null ? d.currentWorkIds() : List.of(d.currentWorkItem().workId());
        List<Step> steps = new ArrayList<>();
        // several current works at once are HAP's parallel branches (behind a gateway node): one stage
        boolean parallel = currentWorkIds.size() > 1;
        int stage = 0;
        boolean previousCurrent = false;
        int n = 0;
        for (Work work : d.works()) {
            n++;
            if (work.workId() == null || work.workId().isBlank()) {
                continue; // a node without a work id cannot be addressed; nothing can be decided on it
            }
            StepId stepId = StepId.of(process, work.workId());
            boolean current = currentWorkIds.contains(work.workId());
            StepKind kind = stepKind(work.flowNode() == null ? null : work.flowNode().type());
            List<Task> tasks = new ArrayList<>();
            for (WorkItem item : work.workItems()) {
                task(stepId, item, kind, current, closed).ifPresent(tasks::add);
            }
            String nodeName = work.flowNode() == null ? null : VendorText.name(work.flowNode().name());
            String name = nodeName == null ? "Node " + n : nodeName;
            List<UserRef> assignees = tasks.stream().map(Task::assignee).distinct().toList();
            ApprovalMode mode = Boolean.FALSE.equals(work.countersign()) && work.countersignType() == null
                    && tasks.size() > 1 ? ApprovalMode.ANY_OF // HAP's non-countersign node with several approvers is or-sign
                    : approvalMode(work.countersignType(), tasks.size());
            stage = current && previousCurrent ? stage : stage + 1;
            previousCurrent = current;
            Step step = new Step(stepId, name, kind, mode, stepState(kind, current, tasks), rawNode(work), assignees,
                    tasks);
            steps.add(parallel ? step.inStage(stage) : step);
        }
        return steps;
    }

    /** The raw codes behind a step's mapped kind, mode and state. */
    private static String rawNode(Work work) {
        return "nodeType=" + (work.flowNode() == null ? null : work.flowNode().type()) + ";countersignType="
                + work.countersignType() + ";operationType="
                + work.workItems().stream().map(i -> String.valueOf(i.operationType())).toList();
    }

    private static StepState stepState(StepKind kind, boolean current, List<Task> tasks) {
        if (current) {
            return StepState.IN_PROGRESS;
        }
        if (kind == StepKind.NOTIFY) {
            return StepState.APPROVED; // a carbon copy passes by itself
        }
        if (tasks.stream().anyMatch(t -> t.state() == TaskState.REJECTED)) {
            return StepState.REJECTED;
        }
        // a node passes by an approval, or by its form being submitted or filled in
        if (tasks.stream().anyMatch(t -> t.state() == TaskState.APPROVED || t.state() == TaskState.COMPLETED)) {
            return StepState.APPROVED;
        }
        if (!tasks.isEmpty() && tasks.stream().allMatch(t -> t.state() == TaskState.CANCELLED)) {
            return StepState.CANCELLED;
        }
        return StepState.UNKNOWN;
    }

    private Optional<Task> task(StepId step, WorkItem item, StepKind kind, boolean current, boolean closed) {
        UserRef person = user(item.workItemAccount());
        if (person == null || item.workItemId() == null || item.workItemId().isBlank()) {
            return Optional.empty();
        }
        List<String> segments = new ArrayList<>(step.segments());
        segments.add(item.workItemId());
        TaskId id = new TaskId(step.process(), segments);
        String raw = item.operationType() == null ? "" : String.valueOf(item.operationType());
        Optional<Instant> received = Optional.ofNullable(item.receiveTime());
        Integer op = item.operationType();
        if (kind == StepKind.NOTIFY) {
            // a carbon copy is read (1) or not yet (0); reading is never a decision
            return Optional.of(Integer.valueOf(1).equals(op)
                    ? Task.completed(id, person, TaskOutcome.ACKNOWLEDGED, Actor.person(person), raw, received)
                    : new Task(id, person, TaskState.WAITING, raw, Optional.empty(), received));
        }
        if (kind == StepKind.START || kind == StepKind.FILL_IN) {
            // submitting or filling in a form completes the task without deciding anything
            Optional<TaskOutcome> done = formOutcome(kind, op);
            if (done.isPresent()) {
                Actor by = done.get() == TaskOutcome.CLOSED_WITHOUT_DECISION && Integer.valueOf(5).equals(op)
                        ? Actor.system() : Actor.person(person);
                return Optional.of(Task.completed(id, person, done.get(), by, raw, received));
            }
        }
        TaskState state = kind == StepKind.START || kind == StepKind.FILL_IN
                ? (op != null && op == 0 ? TaskState.PENDING : TaskState.UNKNOWN) : operation(op);
        if (state == TaskState.PENDING && !current) {
            state = closed ? TaskState.CANCELLED : TaskState.WAITING;
        }
        if (state == TaskState.APPROVED || state == TaskState.REJECTED) {
            Verdict verdict = state == TaskState.APPROVED ? Verdict.APPROVE : Verdict.REJECT;
            // the operation's own time or none: the receive time is when the task arrived, not when it was decided
            Decision decision = new Decision(verdict, person, Optional.ofNullable(VendorText.comment(item.opinion())),
                    Optional.ofNullable(item.operationTime()), Optional.empty(), attachments(item.files()));
            return Optional.of(new Task(id, person, state, raw, Optional.of(decision), received));
        }
        if (state == TaskState.CANCELLED) {
            // 3/8 forwarded by the person; 5 (not needed) and a node closed around a pending item: the system
            Actor by = op != null && (op == 3 || op == 8) ? Actor.person(person) : Actor.system();
            return Optional.of(new Task(id, person, TaskState.CANCELLED, raw, Optional.empty(), received,
                    Optional.of(TaskOutcome.CLOSED_WITHOUT_DECISION), Optional.of(by)));
        }
        return Optional.of(new Task(id, person, state, raw, Optional.empty(), received));
    }

    /**
     * Start node: 9 (or 1) submitted. Fill-in node: 1/22 filled in, 9 submitted, 2/3 transferred and 5 not needed
     * (closed without the person filling in). Empty for 0 (pending) and for codes not in the fact sheet.
     */
    private static Optional<TaskOutcome> formOutcome(StepKind kind, Integer op) {
        if (op == null) {
            return Optional.empty();
        }
        if (kind == StepKind.START) {
            return op == 9 || op == 1 ? Optional.of(TaskOutcome.SUBMITTED) : Optional.empty();
        }
        return switch (op) {
            case 1, 22 -> Optional.of(TaskOutcome.FILLED_IN);
            case 9 -> Optional.of(TaskOutcome.SUBMITTED);
            case 2, 3, 5 -> Optional.of(TaskOutcome.CLOSED_WITHOUT_DECISION);
            default -> Optional.empty();
        };
    }

    private static List<Attachment> attachments(List<WorkItemFile> files) {
        List<Attachment> out = new ArrayList<>();
        for (WorkItemFile f : files) {
            String name = firstText(f.originalFilename(), f.filename(), f.fileID());
            String location = firstText(f.downloadUrl(), f.viewUrl(), f.fileID());
            if (name != null && location != null) {
                out.add(new Attachment(name, location));
            }
        }
        return out;
    }

    private static String firstText(String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isBlank() && c.chars().noneMatch(Character::isISOControl)) {
                return c;
            }
        }
        return null;
    }
}
