package org.openapproval.adapter.fxiaoke.mapping;

import org.openapproval.adapter.support.VendorText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mapstruct.Mapper;
import org.openapproval.adapter.support.AdapterMapperConfig;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;
import org.mapstruct.ValueMapping;
import org.openapproval.adapter.fxiaoke.dto.ApprovalInstance;
import org.openapproval.adapter.fxiaoke.dto.ApprovalInstanceDetail;
import org.openapproval.adapter.fxiaoke.dto.ApprovalOpinion;
import org.openapproval.adapter.fxiaoke.dto.ApprovalTask;
import org.openapproval.core.domain.Actor;
import org.openapproval.core.domain.ApprovalMode;
import org.openapproval.core.domain.ApprovalProcess;
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
import org.openapproval.core.domain.TriggerKind;
import org.openapproval.core.domain.UserRef;
import org.openapproval.core.domain.Verdict;

/**
 * Fxiaoke instances and tasks to the domain.
 *
 * <p>Ids: a process is its {@code instanceId}; a Fxiaoke task is one node of the flow with all its
 * persons, so it maps to a {@link Step} ({@code instanceId/taskId}) and each person to a {@link Task}
 * ({@code instanceId/taskId:employeeId}). Every vendor enum value of the fact sheet is mapped; anything
 * else becomes UNKNOWN with the raw value kept as the vendor status.
 */
@Mapper(config = AdapterMapperConfig.class)
public interface FxiaokeProcessMapper {
    String PROVIDER_ID = "fxiaoke";

    /** A process with its steps and tasks, from {@code approvalInstance/get}. */
    default ApprovalProcess toProcess(ApprovalInstanceDetail detail) {
        ApprovalInstance instance = detail.instance();
        return toProcess(instance, toSteps(instance.instanceId(), detail.tasks()));
    }

    /** A process without steps, from the list endpoints (they carry no tasks). */
    default ApprovalProcess toProcessHeader(ApprovalInstance instance) {
        return toProcess(instance, List.of());
    }

    @Mapping(target = "id", source = "instance.instanceId")
    @Mapping(target = "providerId", constant = PROVIDER_ID)
    @Mapping(target = "definition", source = "instance")
    @Mapping(target = "record", source = "instance")
    @Mapping(target = "state", source = "instance.state")
    @Mapping(target = "vendorStatus", source = "instance.state", defaultValue = "")
    @Mapping(target = "trigger", source = "instance.triggerType")
    @Mapping(target = "initiator", source = "instance.applicantOpenUserId")
    @Mapping(target = "createdAt", source = "instance.createTime")
    @Mapping(target = "updatedAt", source = "instance.lastModifyTime")
    @Mapping(target = "endedAt", source = "instance.endTime")
    @Mapping(target = "steps", source = "steps")
    @Mapping(target = "attributes", source = "instance")
    @Mapping(target = "stateChanges", ignore = true)
    ApprovalProcess toProcess(ApprovalInstance instance, List<Step> steps);

    @ValueMapping(source = "in_progress", target = "IN_PROGRESS")
    @ValueMapping(source = "pass", target = "APPROVED")
    @ValueMapping(source = "reject", target = "REJECTED")
    @ValueMapping(source = "cancel", target = "CANCELLED")
    @ValueMapping(source = "error", target = "FAILED")
    @ValueMapping(source = MappingConstants.NULL, target = "UNKNOWN")
    @ValueMapping(source = MappingConstants.ANY_UNMAPPED, target = "UNKNOWN")
    ProcessState processState(String state);

    @ValueMapping(source = "in_progress", target = "IN_PROGRESS")
    @ValueMapping(source = "pass", target = "APPROVED")
    @ValueMapping(source = "auto_pass", target = "APPROVED")
    @ValueMapping(source = "reject", target = "REJECTED")
    @ValueMapping(source = "cancel", target = "CANCELLED")
    @ValueMapping(source = "go_back", target = "RETURNED")
    @ValueMapping(source = "auto_go_back", target = "RETURNED")
    @ValueMapping(source = "schedule", target = "WAITING")
    @ValueMapping(source = "error", target = "CANCELLED")
    @ValueMapping(source = MappingConstants.NULL, target = "UNKNOWN")
    @ValueMapping(source = MappingConstants.ANY_UNMAPPED, target = "UNKNOWN")
    StepState stepState(String taskState);

    @ValueMapping(source = "single", target = "SINGLE")
    @ValueMapping(source = "one_pass", target = "ANY_OF")
    @ValueMapping(source = "all_pass", target = "ALL_OF")
    @ValueMapping(source = MappingConstants.NULL, target = "UNKNOWN")
    @ValueMapping(source = MappingConstants.ANY_UNMAPPED, target = "UNKNOWN")
    ApprovalMode approvalMode(String taskType);

    @ValueMapping(source = "Create", target = "CREATE")
    @ValueMapping(source = "Update", target = "UPDATE")
    @ValueMapping(source = "Invalid", target = "INVALIDATE")
    @ValueMapping(source = "Delete", target = "DELETE")
    @ValueMapping(source = MappingConstants.NULL, target = "UNKNOWN")
    @ValueMapping(source = MappingConstants.ANY_UNMAPPED, target = "UNKNOWN")
    TriggerKind triggerKind(String triggerType);

    default ProcessId processId(String instanceId) {
        return ProcessId.of(instanceId);
    }

    default UserRef user(String employeeId) {
        return employeeId == null || employeeId.isBlank() ? null : UserRef.of(employeeId);
    }

    default DefinitionRef definition(ApprovalInstance instance) {
        String id = instance.flowApiName() == null || instance.flowApiName().isBlank() ? "unknown"
                : instance.flowApiName();
        String name = VendorText.name(instance.instanceName());
        return new DefinitionRef(id, name == null ? id : name);
    }

    /** An instance without {@code objectApiName} keeps its record id under the type "unknown". */
    default RecordRef record(ApprovalInstance instance) {
        String type = instance.objectApiName() == null || instance.objectApiName().isBlank() ? "unknown"
                : instance.objectApiName();
        return RecordRef.of(type, instance.dataId());
    }

    /** Instance fields the neutral model has no place for, under the vendor's names. */
    default Map<String, String> attributes(ApprovalInstance instance) {
        Map<String, String> out = new LinkedHashMap<>();
        putIfPresent(out, "instanceName", instance.instanceName());
        putIfPresent(out, "flowApiName", instance.flowApiName());
        putIfPresent(out, "triggerType", instance.triggerType());
        putIfPresent(out, "applicantOpenUserId", instance.applicantOpenUserId());
        if (instance.cancelTime() != null) {
            out.put("cancelTime", instance.cancelTime().toString());
        }
        return out;
    }

    private static void putIfPresent(Map<String, String> out, String key, String value) {
        if (value != null && !value.isBlank()) {
            out.put(key, value);
        }
    }

    /**
     * Each Fxiaoke task (node) becomes a step; each of its persons a task of that step. Two things the
     * payload shows only indirectly are rebuilt here:
     * <ul>
     * <li>A return: the node re-opened after a {@code go_back} is the earlier node the flow went back to, so its
     * task joins that step (same id and name, "Node 1" rather than a new "Node 4"); the nodes run again after it
     * join their earlier steps too, as long as they follow the same persons in the same order.</li>
     * <li>Parallel branches: a task created before the one listed before it ended (or while it still runs)
     * ran beside it, so both get the same stage. A flow without such overlap stays sequential (no stages).</li>
     * </ul>
     */
    default List<Step> toSteps(String instanceId, List<ApprovalTask> tasks) {
        ProcessId process = processId(instanceId);
        List<Step> steps = new ArrayList<>();
        List<Integer> stages = new ArrayList<>();
        boolean parallel = false;
        int stage = 0;
        /* index of the step the flow is at when it re-runs earlier steps after a return; -1 when moving forward */
        int rerun = -1;
        for (int i = 0; i < tasks.size(); i++) {
            ApprovalTask node = tasks.get(i);
            StepState state = stepState(node.state());
            Optional<StepId> target = returnTarget(process, tasks, i);
            List<UserRef> assignees = persons(node).stream().map(UserRef::of).toList();
            List<Task> personTasks = assignees.stream()
                    .map(person -> personTask(process, node, person, state, target)).toList();
            int into = -1;
            if (i > 0 && isGoBack(tasks.get(i - 1).state())) {
                Optional<StepId> back = returnTarget(process, tasks, i - 1);
                for (int k = 0; k < steps.size() && back.isPresent(); k++) {
                    if (steps.get(k).id().equals(back.get())) {
                        into = k;
                    }
                }
            } else if (rerun >= 0 && rerun + 1 < steps.size()
                    && steps.get(rerun + 1).assignees().equals(assignees)) {
                into = rerun + 1;
            }
            if (into >= 0) {
                Step earlier = steps.get(into);
                List<Task> all = new ArrayList<>(earlier.tasks());
                all.addAll(personTasks);
                List<UserRef> everyone = new ArrayList<>(earlier.assignees());
                assignees.stream().filter(a -> !everyone.contains(a)).forEach(everyone::add);
                steps.set(into, new Step(earlier.id(), earlier.name(), earlier.kind(), earlier.mode(), state,
                        node.state() == null ? "" : node.state(), everyone, all));
                rerun = into;
                continue;
            }
            rerun = -1;
            if (i == 0 || !ranBeside(tasks.get(i - 1), node)) {
                stage++;
            } else {
                parallel = true;
            }
            stages.add(stage);
            steps.add(new Step(StepId.of(process, node.id()), "Node " + (steps.size() + 1), StepKind.APPROVAL,
                    approvalMode(node.type()), state, node.state() == null ? "" : node.state(), assignees,
                    personTasks));
        }
        if (parallel) {
            for (int k = 0; k < steps.size(); k++) {
                steps.set(k, steps.get(k).inStage(stages.get(k)));
            }
        }
        return steps;
    }

    private static boolean isGoBack(String taskState) {
        return "go_back".equals(taskState) || "auto_go_back".equals(taskState);
    }

    /** Whether {@code later} was created before {@code earlier} ended: then they ran side by side. */
    private static boolean ranBeside(ApprovalTask earlier, ApprovalTask later) {
        if (later.createTime() == null) {
            return false;
        }
        if (earlier.endTime() == null) {
            return "in_progress".equals(earlier.state()); // still running when the later one was created
        }
        return later.createTime().isBefore(earlier.endTime());
    }

    /**
     * A go_back node's target is not in the payload. The node re-opened by it is created next with the
     * target's persons, so the target is the latest earlier passed node with those persons; failing that,
     * the node just before. Empty when there is no earlier node.
     */
    private static Optional<StepId> returnTarget(ProcessId process, List<ApprovalTask> tasks, int index) {
        if (index == 0) {
            return Optional.empty();
        }
        if (index + 1 < tasks.size()) {
            Set<String> reopenedFor = persons(tasks.get(index + 1));
            for (int j = index - 1; j >= 0; j--) {
                if (persons(tasks.get(j)).equals(reopenedFor)) {
                    return Optional.of(StepId.of(process, tasks.get(j).id()));
                }
            }
        }
        return Optional.of(StepId.of(process, tasks.get(index - 1).id()));
    }

    /** Everyone the node concerns, in the order they replied, then those still to reply. */
    private static Set<String> persons(ApprovalTask node) {
        Set<String> persons = new LinkedHashSet<>();
        node.opinions().stream().map(ApprovalOpinion::openUserId).filter(p -> p != null && !p.isBlank())
                .forEach(persons::add);
        node.completeOpenPersons().stream().filter(p -> p != null && !p.isBlank()).forEach(persons::add);
        node.unCompletePersons().stream().filter(p -> p != null && !p.isBlank()).forEach(persons::add);
        return persons;
    }

    /**
     * One person's share of a node. A reply is a decision (agree, reject, or on a {@code go_back} node the
     * return); the task state value then says how the node ended for those who did not reply: {@code auto_pass}
     * passed by the system, {@code pass}/{@code reject}/{@code cancel}/{@code go_back}/{@code auto_go_back}/
     * {@code error} closed without their decision, {@code schedule} not reached yet. Anything else is UNKNOWN
     * with the raw value kept.
     */
    private Task personTask(ProcessId process, ApprovalTask node, UserRef person, StepState nodeState,
                            Optional<StepId> returnTarget) {
        TaskId id = TaskId.of(process, node.id(), person.id());
        Optional<Instant> created = Optional.ofNullable(node.createTime());
        String raw = node.state() == null ? "" : node.state();
        Optional<ApprovalOpinion> reply = node.opinions().stream()
                .filter(o -> person.id().equals(o.openUserId())).reduce((first, second) -> second);
        if (reply.isPresent()) {
            ApprovalOpinion o = reply.get();
            // on a sent-back node only the reply that sent it back is a RETURN; agreements stay approvals
            Optional<Verdict> verdict = "go_back".equals(node.state()) && !"agree".equals(o.actionType())
                    ? returnTarget.map(t -> Verdict.RETURN) : verdict(o);
            String action = o.actionType() == null ? "" : o.actionType();
            if (verdict.isEmpty()) {
                return new Task(id, person, TaskState.UNKNOWN, action, Optional.empty(), created);
            }
            // the reply's own time or none: a node's times belong to the node, not to this person's decision
            Decision decision = new Decision(verdict.get(), person, Optional.ofNullable(VendorText.comment(o.opinion())),
                    Optional.ofNullable(o.replyTime()), verdict.get() == Verdict.RETURN ? returnTarget : Optional.empty(),
                    List.of());
            return new Task(id, person, verdict.get().resultingTaskState(), action, Optional.of(decision), created);
        }
        if (node.state() == null) {
            return Task.completed(id, person, TaskOutcome.UNKNOWN, Actor.system(), raw, created);
        }
        return switch (node.state()) {
            case "in_progress" -> new Task(id, person, node.unCompletePersons().contains(person.id())
                    ? TaskState.PENDING : TaskState.UNKNOWN, raw, Optional.empty(), created);
            case "schedule" -> new Task(id, person, TaskState.WAITING, raw, Optional.empty(), created);
            case "auto_pass" -> Task.completed(id, person, TaskOutcome.PASSED_AUTOMATICALLY, Actor.system(), raw,
                    created);
            case "pass", "reject", "cancel", "go_back", "auto_go_back", "error" ->
                    Task.completed(id, person, TaskOutcome.CLOSED_WITHOUT_DECISION, Actor.system(), raw, created);
            default -> Task.completed(id, person, TaskOutcome.UNKNOWN, Actor.system(), raw, created);
        };
    }

    private static Optional<Verdict> verdict(ApprovalOpinion o) {
        if ("agree".equals(o.actionType())) {
            return Optional.of(Verdict.APPROVE);
        }
        if ("reject".equals(o.actionType())) {
            return Optional.of(Verdict.REJECT);
        }
        return Optional.empty();
    }
}
