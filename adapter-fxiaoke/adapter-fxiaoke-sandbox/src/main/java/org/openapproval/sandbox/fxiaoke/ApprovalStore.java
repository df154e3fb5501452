package org.openapproval.sandbox.fxiaoke;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.openapproval.sandbox.fxiaoke.Vocabulary.Action;
import org.openapproval.sandbox.fxiaoke.Vocabulary.InstanceState;
import org.openapproval.sandbox.fxiaoke.Vocabulary.TaskState;
import org.openapproval.sandbox.fxiaoke.Vocabulary.TaskType;
import org.openapproval.core.domain.ApprovalMode;
import org.openapproval.core.domain.StepKind;
import org.openapproval.core.domain.StepPlan;
import org.openapproval.core.domain.UserRef;
import org.openapproval.core.domain.Step;
import org.openapproval.sandbox.kit.ProcessSeed;
import org.openapproval.sandbox.kit.UnrepresentableSeedException;

/**
 * The vendor-side state: employees, flow definitions, business records, approval instances and their
 * tasks, with the vendor's state machine. One lock guards everything; reads hand out immutable views.
 *
 * <p>Model: an instance runs a fixed list of planned nodes, one active node at a time. A node's task is
 * created when the node is reached (so tasks appear in creation order), and a node reached again after a
 * reject-to-previous gets a new task with a new id.
 */
final class ApprovalStore {
    static final String RECORD_OBJECT_API_NAME = "SalesOrderObj";
    /** Seeded instances model a record submitted on creation (triggerType values: Create, Update, Invalid, Delete). */
    static final String TRIGGER_TYPE = "Create";

    /** One opinion on a task, as {@code approvalInstance/get} shows it. */
    record Opinion(String actionType, String opinion, long replyTime, String openUserId) {
        Opinion {
            Objects.requireNonNull(actionType, "actionType");
            Objects.requireNonNull(openUserId, "openUserId");
        }
    }

    /** An immutable view of an instance; {@code endTime}/{@code cancelTime} are null while not set. */
    record InstanceView(String instanceId, String instanceName, String dataId, String objectApiName,
            String triggerType, InstanceState state, long createTime, long lastModifyTime, Long endTime,
            Long cancelTime, String flowApiName, String applicantOpenUserId) {
    }

    /** An immutable view of a task; {@code candidateIds} are all persons of the task's node. */
    record TaskView(String id, String instanceId, String activityId, TaskType type, TaskState state,
            String flowApiName, long createTime, long modifyTime, Long endTime, List<Opinion> opinions,
            List<String> unCompletePersons, List<String> completeOpenPersons, List<String> candidateIds) {
        TaskView {
            opinions = List.copyOf(opinions);
            unCompletePersons = List.copyOf(unCompletePersons);
            completeOpenPersons = List.copyOf(completeOpenPersons);
            candidateIds = List.copyOf(candidateIds);
        }
    }

    record InstanceDetail(InstanceView instance, List<TaskView> tasks) {
        InstanceDetail {
            tasks = List.copyOf(tasks);
        }
    }

    /** What seeding created, in vendor ids. */
    record Seeded(String instanceId, String objectApiName, String dataId, String flowApiName) {
    }

    /** One planned node of an instance: its activity id, task type and persons in order. */
    private record Node(String activityId, TaskType type, List<String> persons) {
        Node {
            persons = List.copyOf(persons);
        }
    }

    private static final class Instance {
        final String id;
        final String name;
        final String dataId;
        final String objectApiName;
        final String flowApiName;
        final String applicant;
        final long createTime;
        final List<Node> nodes;
        final List<Task> tasks = new ArrayList<>();
        InstanceState state = InstanceState.IN_PROGRESS;
        long lastModifyTime;
        Long endTime;
        Long cancelTime;

        Instance(String id, String name, String dataId, String objectApiName, String flowApiName, String applicant,
                long createTime, List<Node> nodes) {
            this.id = id;
            this.name = name;
            this.dataId = dataId;
            this.objectApiName = objectApiName;
            this.flowApiName = flowApiName;
            this.applicant = applicant;
            this.createTime = createTime;
            this.lastModifyTime = createTime;
            this.nodes = List.copyOf(nodes);
        }
    }

    private static final class Task {
        final String id;
        final long sequence;
        final Instance instance;
        final int nodeIndex;
        /** Set when created by a reject-to-previous with moveToCurrentActivityWhenReject: where to go on pass. */
        final Integer resumeAtNode;
        final long createTime;
        final List<Opinion> opinions = new ArrayList<>();
        final List<String> unComplete;
        final List<String> complete = new ArrayList<>();
        TaskState state = TaskState.IN_PROGRESS;
        long modifyTime;
        Long endTime;

        Task(String id, long sequence, Instance instance, int nodeIndex, Integer resumeAtNode, long createTime) {
            this.id = id;
            this.sequence = sequence;
            this.instance = instance;
            this.nodeIndex = nodeIndex;
            this.resumeAtNode = resumeAtNode;
            this.createTime = createTime;
            this.modifyTime = createTime;
            this.unComplete = new ArrayList<>(node().persons());
        }

        Node node() {
            return instance.nodes.get(nodeIndex);
        }
    }

    private final Set<String> employees = new LinkedHashSet<>();
    private final Map<String, String> flowApiNames = new LinkedHashMap<>();
    private final Map<String, Instance> instances = new LinkedHashMap<>();
    private final Map<String, Task> tasks = new LinkedHashMap<>();
    private long recordCount;
    private long instanceCount;
    private long taskCount;
    private long activityCount;

    ApprovalStore(String adminEmployeeId) {
        employees.add(adminEmployeeId);
    }

    // ------------------------------------------------------------------ seeding

    synchronized String defineFlow(String definitionName) {
        return flowApiNames.computeIfAbsent(definitionName, n -> "apprflow_" + (flowApiNames.size() + 1));
    }

    synchronized Seeded seed(ProcessSeed seed, Instant now) {
        refuseParallelSteps(seed);
        List<Node> nodes = new ArrayList<>();
        for (StepPlan step : seed.steps()) {
            // Notification and automatic nodes never wait for anyone, so they produce no approval task.
            if (step.kind() == StepKind.NOTIFY || step.kind() == StepKind.SYSTEM || step.assignees().isEmpty()) {
                continue;
            }
            List<String> persons = step.assignees().stream().map(UserRef::id).distinct().toList();
            switch (step.mode()) {
                case SINGLE -> nodes.add(newNode(TaskType.SINGLE, persons));
                case ANY_OF -> nodes.add(newNode(TaskType.ONE_PASS, persons));
                case ALL_OF -> nodes.add(newNode(TaskType.ALL_PASS, persons));
                // Fxiaoke has no sequential task type: a sequential step becomes one single node per person.
                case SEQUENTIAL -> persons.forEach(p -> nodes.add(newNode(TaskType.SINGLE, List.of(p))));
                case UNKNOWN -> nodes.add(newNode(persons.size() == 1 ? TaskType.SINGLE : TaskType.ONE_PASS, persons));
            }
        }
        if (nodes.isEmpty()) {
            throw new UnrepresentableSeedException("seed '" + seed.recordTitle()
                    + "' has no step with assignees that Fxiaoke would turn into an approval task");
        }
        employees.add(seed.initiator().id());
        seed.steps().forEach(s -> s.assignees().forEach(u -> employees.add(u.id())));

        String flowApiName = defineFlow(seed.definitionName());
        String dataId = String.format("c5%030x", ++recordCount);
        String instanceId = String.format("65a1%020x", ++instanceCount);
        Instance instance = new Instance(instanceId, seed.definitionName(), dataId, RECORD_OBJECT_API_NAME,
                flowApiName, seed.initiator().id(), now.toEpochMilli(), nodes);
        instances.put(instanceId, instance);
        openTask(instance, 0, null, now.toEpochMilli());
        return new Seeded(instanceId, RECORD_OBJECT_API_NAME, dataId, flowApiName);
    }

    /**
     * UNVERIFIED: the documented API shows nothing of parallel branches (no branch or gateway field, one
     * node's task after another), so the sandbox runs one node at a time and refuses steps seeded side by side
     * rather than run them one after another.
     */
    private static void refuseParallelSteps(ProcessSeed seed) {
        Map<Integer, Long> perStage = new LinkedHashMap<>();
        seed.steps().stream().filter(s -> s.stage() != Step.OWN_STAGE)
                .forEach(s -> perStage.merge(s.stage(), 1L, Long::sum));
        perStage.forEach((stage, count) -> {
            if (count > 1) {
                throw new UnrepresentableSeedException("the Fxiaoke sandbox cannot seed " + count + " steps side by "
                        + "side in stage " + stage + " of '" + seed.recordTitle() + "': Fxiaoke's documented "
                        + "approval API shows no parallel branches, so the sandbox runs one node at a time");
            }
        });
    }

    synchronized boolean isEmployee(String employeeId) {
        return employees.contains(employeeId);
    }

    // ------------------------------------------------------------------ reads

    synchronized List<InstanceView> instancesOfRecord(String dataId) {
        return instances.values().stream().filter(i -> i.dataId.equals(dataId)).map(ApprovalStore::view).toList();
    }

    synchronized List<InstanceView> allInstances() {
        return instances.values().stream().map(ApprovalStore::view).toList();
    }

    synchronized Optional<InstanceDetail> detail(String instanceId) {
        Instance instance = instances.get(instanceId);
        if (instance == null) {
            return Optional.empty();
        }
        return Optional.of(new InstanceDetail(view(instance),
                instance.tasks.stream().map(ApprovalStore::view).toList()));
    }

    synchronized List<TaskView> allTasks() {
        return tasks.values().stream().map(ApprovalStore::view).toList();
    }

    // ------------------------------------------------------------------ writes

    /** {@code approvalTask/action}: one person's agree or reject on a task. */
    synchronized void act(String actor, String taskId, Action action, String opinion, Instant now) {
        Task task = actionableTask(taskId, actor);
        long at = now.toEpochMilli();
        Instance instance = task.instance;
        task.opinions.add(new Opinion(action.wire, opinion, at, actor));
        task.unComplete.remove(actor);
        task.complete.add(actor);
        task.modifyTime = at;
        instance.lastModifyTime = at;
        if (action == Action.REJECT) {
            close(task, TaskState.REJECT, at);
            end(instance, InstanceState.REJECT, at);
            return;
        }
        if (task.node().type() != TaskType.ALL_PASS || task.unComplete.isEmpty()) {
            close(task, TaskState.PASS, at);
            advance(task, at);
        }
    }

    /** {@code rejectToBeforeTask}: sends the flow back to the node of an earlier passed task. */
    synchronized void rejectToBefore(String actor, String currentTaskId, String rejectToTaskId, String opinion,
            boolean resumeHere, Instant now) {
        Task current = actionableTask(currentTaskId, actor);
        Task target = tasks.get(rejectToTaskId);
        if (target == null || target.instance != current.instance) {
            throw VendorError.parameter("rejectToTaskId " + rejectToTaskId + " is not a task of the same instance");
        }
        // UNVERIFIED: which tasks are valid targets is documented only as "a previous node"; the sandbox
        // takes a passed task created earlier, at a node before the current one.
        if (target.state != TaskState.PASS || target.sequence >= current.sequence
                || target.nodeIndex >= current.nodeIndex) {
            throw VendorError.parameter("task " + rejectToTaskId + " is not an earlier passed task (state "
                    + target.state.wire + ")");
        }
        long at = now.toEpochMilli();
        // UNVERIFIED: the opinion of a go-back is recorded with actionType "reject"; the vendor's value is unknown.
        current.opinions.add(new Opinion(Action.REJECT.wire, opinion, at, actor));
        current.unComplete.remove(actor);
        current.complete.add(actor);
        close(current, TaskState.GO_BACK, at);
        openTask(current.instance, target.nodeIndex, resumeHere ? current.nodeIndex : null, at);
        current.instance.lastModifyTime = at;
    }

    /** {@code approval/instance/cancel}: cancels the in-progress instance of a record. */
    synchronized void cancel(String objectApiName, String dataId, Instant now) {
        Instance instance = instances.values().stream()
                .filter(i -> i.objectApiName.equals(objectApiName) && i.dataId.equals(dataId)
                        && i.state == InstanceState.IN_PROGRESS)
                .findFirst()
                .orElseThrow(() -> VendorError.parameter("no approval in progress for " + objectApiName + " "
                        + dataId));
        long at = now.toEpochMilli();
        instance.tasks.stream().filter(t -> t.state == TaskState.IN_PROGRESS)
                .forEach(t -> close(t, TaskState.CANCEL, at));
        instance.cancelTime = at;
        end(instance, InstanceState.CANCEL, at);
    }

    // ------------------------------------------------------------------ state machine

    /**
     * A task the actor may decide now. UNVERIFIED: the vendor's codes for an unknown task, a task that is
     * no longer in progress or an actor who is not among its pending persons are undocumented; all are
     * answered with 32000 and a message that says which.
     */
    private Task actionableTask(String taskId, String actor) {
        Task task = tasks.get(taskId);
        if (task == null) {
            throw VendorError.parameter("task " + taskId + " does not exist");
        }
        if (task.state != TaskState.IN_PROGRESS) {
            throw VendorError.parameter("task " + taskId + " is not in progress (state " + task.state.wire + ")");
        }
        if (!task.unComplete.contains(actor)) {
            throw VendorError.parameter("employee " + actor + " is not a pending approver of task " + taskId);
        }
        return task;
    }

    private void advance(Task passed, long at) {
        int next = passed.resumeAtNode != null ? passed.resumeAtNode : passed.nodeIndex + 1;
        if (next >= passed.instance.nodes.size()) {
            end(passed.instance, InstanceState.PASS, at);
        } else {
            openTask(passed.instance, next, null, at);
        }
    }

    private void openTask(Instance instance, int nodeIndex, Integer resumeAtNode, long at) {
        long sequence = ++taskCount;
        Task task = new Task(String.format("65b2%020x", sequence), sequence, instance, nodeIndex, resumeAtNode, at);
        instance.tasks.add(task);
        tasks.put(task.id, task);
    }

    /**
     * Ends a task. Persons who had not acted are dropped from {@code unCompletePersons}: nobody can act on
     * an ended task any more. UNVERIFIED: whether the vendor keeps them listed after the end is unknown.
     */
    private static void close(Task task, TaskState state, long at) {
        task.state = state;
        task.unComplete.clear();
        task.modifyTime = at;
        task.endTime = at;
    }

    private static void end(Instance instance, InstanceState state, long at) {
        instance.state = state;
        instance.endTime = at;
        instance.lastModifyTime = at;
    }

    private Node newNode(TaskType type, List<String> persons) {
        // UNVERIFIED: real activity ids look like numeric strings; the sandbox uses a numeric counter.
        return new Node(String.valueOf(1_000_000_000_000L + ++activityCount), type, persons);
    }

    private static InstanceView view(Instance i) {
        return new InstanceView(i.id, i.name, i.dataId, i.objectApiName, TRIGGER_TYPE, i.state, i.createTime,
                i.lastModifyTime, i.endTime, i.cancelTime, i.flowApiName, i.applicant);
    }

    private static TaskView view(Task t) {
        return new TaskView(t.id, t.instance.id, t.node().activityId(), t.node().type(), t.state,
                t.instance.flowApiName, t.createTime, t.modifyTime, t.endTime, t.opinions, t.unComplete, t.complete,
                t.node().persons());
    }
}
