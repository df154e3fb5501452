package org.openapproval.sandbox.nocoly;

import static org.openapproval.sandbox.nocoly.Vocabulary.ACTION_OVERRULE;
import static org.openapproval.sandbox.nocoly.Vocabulary.ACTION_PASS;
import static org.openapproval.sandbox.nocoly.Vocabulary.ACTION_SUBMIT;
import static org.openapproval.sandbox.nocoly.Vocabulary.BATCH_PASS;
import static org.openapproval.sandbox.nocoly.Vocabulary.BATCH_REJECT;
import static org.openapproval.sandbox.nocoly.Vocabulary.COUNTERSIGN_ALL;
import static org.openapproval.sandbox.nocoly.Vocabulary.COUNTERSIGN_ONE;
import static org.openapproval.sandbox.nocoly.Vocabulary.NODE_APPROVE;
import static org.openapproval.sandbox.nocoly.Vocabulary.NODE_CC;
import static org.openapproval.sandbox.nocoly.Vocabulary.NODE_FILL;
import static org.openapproval.sandbox.nocoly.Vocabulary.NODE_START;
import static org.openapproval.sandbox.nocoly.Vocabulary.OP_NOT_NEEDED;
import static org.openapproval.sandbox.nocoly.Vocabulary.OP_OVERRULED;
import static org.openapproval.sandbox.nocoly.Vocabulary.OP_PASSED;
import static org.openapproval.sandbox.nocoly.Vocabulary.OP_PENDING;
import static org.openapproval.sandbox.nocoly.Vocabulary.OP_SUBMITTED;
import static org.openapproval.sandbox.nocoly.Vocabulary.STATUS_COMPLETED;
import static org.openapproval.sandbox.nocoly.Vocabulary.STATUS_OVERRULED;
import static org.openapproval.sandbox.nocoly.Vocabulary.STATUS_RUNNING;
import static org.openapproval.sandbox.nocoly.Vocabulary.TODO_FILL_AND_APPROVE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.openapproval.sandbox.nocoly.NocolySandbox.HookRun;
import org.openapproval.core.domain.InputParameter;
import org.openapproval.core.domain.StepPlan;
import org.openapproval.core.domain.UserRef;
import org.openapproval.sandbox.kit.DefinitionSeed;
import org.openapproval.sandbox.kit.ProcessSeed;

/**
 * The vendor-side state: processes, the worksheet and its rows, approval instances with their works
 * (one per reached node) and work items (one per assignee), and the vendor's state machine. One lock
 * guards everything; answers are rendered to JSON under that lock, so nothing mutable leaves the store.
 *
 * <p>Model: an instance runs a fixed plan of nodes after its start node. A node's work is created when the
 * node is reached; a cc node's work is created and passed through at once (nobody waits for it). At most
 * one work is current at a time.
 */
final class WorkflowStore {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A person: {@code accountId} and display name. */
    record Account(String accountId, String fullName) {
        Account {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(fullName, "fullName");
        }
    }

    /** One W2 input parameter. */
    record Input(String id, String name, String alias, int type, String description, boolean required) {
    }

    /** What seeding created, in vendor ids. */
    record Seeded(String worksheetId, String rowId, String instanceId, String processId) {
    }

    /** One {@code selects[]} entry of the org batch call. */
    record Select(String instanceId, String workId) {
    }

    static final class Process {
        final String id;
        final String parentId;
        final String name;
        final Instant createdAt;
        Instant updatedAt;
        /** Listed by W1 and triggerable by W3: created through {@code seedDefinition}. */
        boolean triggerable;
        List<Input> inputs = List.of();

        Process(String id, String parentId, String name, Instant createdAt) {
            this.id = id;
            this.parentId = parentId;
            this.name = name;
            this.createdAt = createdAt;
            this.updatedAt = createdAt;
        }
    }

    static final class Row {
        final String worksheetId;
        final String rowId;
        final String title;
        final List<Instance> instances = new ArrayList<>();

        Row(String worksheetId, String rowId, String title) {
            this.worksheetId = worksheetId;
            this.rowId = rowId;
            this.title = title;
        }
    }

    /** A node of an instance's flow: the start node or one planned node. */
    static final class Node {
        final String id;
        final String name;
        final int type;
        /** {@link Vocabulary#COUNTERSIGN_ALL}, {@link Vocabulary#COUNTERSIGN_ONE} or null (single approver). */
        final Integer countersignType;
        final List<Account> assignees;
        /** The start node's trigger id (W5 {@code flowNode.triggerId}); null on planned nodes. */
        final String triggerId;

        Node(String id, String name, int type, Integer countersignType, List<Account> assignees, String triggerId) {
            this.id = id;
            this.name = name;
            this.type = type;
            this.countersignType = countersignType;
            this.assignees = List.copyOf(assignees);
            this.triggerId = triggerId;
        }

        boolean waits() {
            return type == NODE_APPROVE || type == NODE_FILL;
        }
    }

    static final class Instance {
        final String id;
        final Process process;
        final Row row;
        final Account initiator;
        final Instant createDate;
        final Node startNode;
        final List<Node> plan;
        final List<Work> works = new ArrayList<>();
        int status = STATUS_RUNNING;
        Instant completeDate;
        /** The work awaiting decisions, or null once the instance has ended. */
        Work current;
        /** The index in {@link #plan} of the node to reach after the current one. */
        int nextNode;

        Instance(String id, Process process, Row row, Account initiator, Instant createDate, Node startNode,
                List<Node> plan) {
            this.id = id;
            this.process = process;
            this.row = row;
            this.initiator = initiator;
            this.createDate = createDate;
            this.startNode = startNode;
            this.plan = List.copyOf(plan);
        }

        List<String> currentWorkIds() {
            return current == null ? List.of() : List.of(current.id);
        }
    }

    static final class Work {
        final String id;
        final Instance instance;
        final Node node;
        final Instant createdAt;
        final List<WorkItem> items = new ArrayList<>();

        Work(String id, Instance instance, Node node, Instant createdAt) {
            this.id = id;
            this.instance = instance;
            this.node = node;
            this.createdAt = createdAt;
        }
    }

    static final class WorkItem {
        final String id;
        final long sequence;
        final Work work;
        final Account account;
        final Instant receiveTime;
        int operationType;
        Instant operationTime;
        /** null while undecided; "" once decided without an opinion. */
        String opinion;
        /** The last operation-log action on this item, or null. */
        Integer logAction;
        Instant logDate;

        WorkItem(String id, long sequence, Work work, Account account, Instant receiveTime, int operationType) {
            this.id = id;
            this.sequence = sequence;
            this.work = work;
            this.account = account;
            this.receiveTime = receiveTime;
            this.operationType = operationType;
        }

        int type() {
            return work.node.type;
        }
    }

    private final WireFormat wire;
    private final ObjectIds ids = new ObjectIds();
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Map<String, Process> processesByName = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final Map<String, Instance> instances = new LinkedHashMap<>();
    private final List<HookRun> hookRuns = new ArrayList<>();
    private final String worksheetId;
    private long itemSequence;

    WorkflowStore(WireFormat wire, Instant now) {
        this.wire = Objects.requireNonNull(wire, "wire");
        // One worksheet per sandbox; every seeded row lives in it.
        this.worksheetId = ids.next(now);
    }

    // ------------------------------------------------------------------ seeding

    synchronized String defineProcess(DefinitionSeed seed, Instant now) {
        Process p = process(seed.name(), now);
        p.triggerable = true;
        p.updatedAt = now;
        List<Input> inputs = new ArrayList<>();
        for (InputParameter in : seed.inputs()) {
            // UNVERIFIED: id format of an input parameter (24 hex here) and an empty alias (neutral seeds have none).
            inputs.add(new Input(ids.next(now), in.name(), "", inputType(in.type()), in.description().orElse(""),
                    in.required()));
        }
        p.inputs = List.copyOf(inputs);
        return p.id;
    }

    synchronized Seeded seed(ProcessSeed seed, Instant now) {
        Row row = new Row(worksheetId, ids.next(now), seed.recordTitle());
        Seeded seeded = start(row, seed, now);
        rows.put(row.rowId, row);
        return seeded;
    }

    synchronized Seeded seedOnRow(String worksheet, String rowId, ProcessSeed seed, Instant now) {
        Row row = rows.get(rowId);
        if (row == null || !row.worksheetId.equals(worksheet)) {
            throw new IllegalArgumentException("no row " + worksheet + "/" + rowId + " in this sandbox");
        }
        return start(row, seed, now);
    }

    private Seeded start(Row row, ProcessSeed seed, Instant now) {
        List<Node> plan = plan(seed.steps(), now);
        if (plan.stream().noneMatch(Node::waits)) {
            throw new IllegalArgumentException("seed '" + seed.recordTitle()
                    + "' has no approval or fill-in step with assignees; Nocoly would not leave it open");
        }
        Account initiator = account(seed.initiator());
        Process process = process(seed.definitionName(), now);
        Node startNode = new Node(ids.next(now), "流程发起节点", NODE_START, null, List.of(initiator), ids.next(now));
        Instance instance = new Instance(ids.next(now), process, row, initiator, now, startNode, plan);
        Work startWork = newWork(instance, startNode, now, OP_SUBMITTED);
        WorkItem submitted = startWork.items.get(0);
        submitted.operationTime = now;
        submitted.opinion = "";
        instances.put(instance.id, instance);
        row.instances.add(instance);
        reachFrom(instance, 0, now);
        return new Seeded(row.worksheetId, row.rowId, instance.id, process.id);
    }

    private List<Node> plan(List<StepPlan> steps, Instant now) {
        List<Node> plan = new ArrayList<>();
        for (StepPlan step : steps) {
            if (step.assignees().isEmpty()) {
                continue; // nobody to wait for or to copy
            }
            int type;
            switch (step.kind()) {
                case FILL_IN -> type = NODE_FILL;
                case NOTIFY -> type = NODE_CC;
                case APPROVAL, UNKNOWN -> type = NODE_APPROVE;
                default -> {
                    // START is always there; SYSTEM nodes (actions, branches) are not simulated.
                    // UNVERIFIED: an UNKNOWN kind is taken for an approval node (above).
                    continue;
                }
            }
            List<Account> people = step.assignees().stream().map(this::account).toList();
            if (type == NODE_CC) {
                plan.add(new Node(ids.next(now), step.name(), type, null, people, null));
                continue;
            }
            switch (step.mode()) {
                case SINGLE -> plan.add(new Node(ids.next(now), step.name(), type, null, people, null));
                case ANY_OF -> plan.add(new Node(ids.next(now), step.name(), type, COUNTERSIGN_ONE, people, null));
                case ALL_OF -> plan.add(new Node(ids.next(now), step.name(), type, COUNTERSIGN_ALL, people, null));
                // UNVERIFIED: HAP has no sequential countersign type here; one single-approver node per person.
                case SEQUENTIAL -> people.forEach(p ->
                        plan.add(new Node(ids.next(now), step.name(), type, null, List.of(p), null)));
                case UNKNOWN -> plan.add(new Node(ids.next(now), step.name(), type,
                        people.size() == 1 ? null : COUNTERSIGN_ONE, people, null));
            }
        }
        return plan;
    }

    private Process process(String name, Instant now) {
        return processesByName.computeIfAbsent(name, n -> {
            Process p = new Process(ids.next(now), ids.next(now), n, now);
            processes.put(p.id, p);
            return p;
        });
    }

    private Account account(UserRef user) {
        Account a = new Account(user.id(), user.displayName());
        accounts.put(a.accountId(), a);
        return a;
    }

    /**
     * W2 input type from the neutral type: "number" → 6, a numeric vendor code as given, anything else → 2 text.
     */
    private static int inputType(String type) {
        String t = type.trim().toLowerCase(Locale.ROOT);
        if (t.equals("number")) {
            return Vocabulary.INPUT_NUMBER;
        }
        if (t.matches("\\d{1,9}")) {
            return Integer.parseInt(t);
        }
        return Vocabulary.INPUT_TEXT;
    }

    // ------------------------------------------------------------------ V3 reads

    /**
     * W1 {@code data}: the triggerable processes, oldest first. UNVERIFIED: W1 is documented to list only
     * API-triggerable processes, so worksheet approval flows made by {@code seedProcess} are not listed.
     */
    synchronized ObjectNode processList() {
        ObjectNode data = NODES.objectNode();
        ArrayNode list = data.putArray("processes");
        processes.values().stream().filter(p -> p.triggerable).forEach(p -> list.add(wire.processSummary(p)));
        return data;
    }

    /**
     * W2 {@code data}. UNVERIFIED: whether W2 answers for a process W1 does not list (a worksheet-triggered
     * approval flow) is unknown; the sandbox answers for every process it knows.
     */
    synchronized ObjectNode processDetail(String processId) {
        Process p = processes.get(processId);
        if (p == null) {
            throw VendorError.notFound("process " + processId + " does not exist");
        }
        return wire.processDetail(p);
    }

    /**
     * W3: checks the inputs and records the run. Keys are input names or aliases. UNVERIFIED: whether
     * unknown keys are refused (the sandbox ignores them), how a number input's value is checked (the sandbox
     * accepts a JSON number or a numeric string, anything else → 10002), and whether a blank string counts as
     * missing (it does).
     *
     * @return the process's outputs: always {@code {}}, seeded processes define no outputs
     */
    synchronized ObjectNode trigger(String processId, JsonNode body, Instant now) {
        Process p = processes.get(processId);
        if (p == null || !p.triggerable) {
            // UNVERIFIED: a known but not API-triggerable process answers like an unknown one.
            throw VendorError.notFound("process " + processId + " does not exist or cannot be triggered");
        }
        if (!body.isObject()) {
            throw VendorError.missing("the body must be a JSON object of input parameters");
        }
        for (Input in : p.inputs) {
            JsonNode value = body.get(in.name());
            if ((value == null || value.isNull()) && !in.alias().isEmpty()) {
                value = body.get(in.alias());
            }
            boolean missing = value == null || value.isNull() || (value.isTextual() && value.asText().isBlank());
            if (missing) {
                if (in.required()) {
                    throw VendorError.missing("missing required input parameter: " + in.name());
                }
                continue;
            }
            if (in.type() == Vocabulary.INPUT_NUMBER && !isNumber(value)) {
                throw VendorError.badValue("input parameter " + in.name() + " must be a number, not " + value);
            }
        }
        hookRuns.add(new HookRun(p.id, body.toString(), now));
        return NODES.objectNode();
    }

    private static boolean isNumber(JsonNode value) {
        if (value.isNumber()) {
            return true;
        }
        if (!value.isTextual()) {
            return false;
        }
        try {
            new BigDecimal(value.asText().trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    synchronized List<HookRun> hookRuns() {
        return List.copyOf(hookRuns);
    }

    /**
     * W4 {@code data}: the row's instances, oldest first. An unknown row of the worksheet has none.
     * UNVERIFIED: an unknown worksheet answers 10007; paging applies only when pageIndex or pageSize is sent.
     */
    synchronized ArrayNode instancesOf(String worksheet, String rowId, int pageIndex, int pageSize) {
        if (!worksheetId.equals(worksheet)) {
            throw VendorError.notFound("worksheet " + worksheet + " does not exist");
        }
        Row row = rows.get(rowId);
        ArrayNode out = NODES.arrayNode();
        if (row == null) {
            return out;
        }
        row.instances.stream().skip((long) (pageIndex - 1) * pageSize).limit(pageSize)
                .forEach(i -> out.add(wire.executionSummary(i)));
        return out;
    }

    /** W5 {@code data}. The instance must belong to that worksheet and row. */
    synchronized ObjectNode detail(String worksheet, String rowId, String instanceId) {
        Instance i = instances.get(instanceId);
        if (i == null || !i.row.worksheetId.equals(worksheet) || !i.row.rowId.equals(rowId)) {
            throw VendorError.notFound("approval " + instanceId + " of row " + rowId + " in worksheet " + worksheet
                    + " does not exist");
        }
        return wire.executionDetail(i, currentItem(i).orElse(null));
    }

    /**
     * The work item W5 shows as {@code currentWorkItem}. UNVERIFIED: the example shows the pending item of the
     * current work; with app-key auth there is no viewing user, so the sandbox shows the oldest pending item
     * of the current work (null once the instance has ended).
     */
    private static Optional<WorkItem> currentItem(Instance i) {
        if (i.current == null) {
            return Optional.empty();
        }
        return i.current.items.stream().filter(w -> w.operationType == OP_PENDING).findFirst();
    }

    // ------------------------------------------------------------------ org API

    /**
     * {@code getTodoList}: the account's pending items, oldest first. Type 4 = approval, 3 = fill-in,
     * -1 = both, 5 = unread carbon copies. UNVERIFIED: other type values answer 10002.
     */
    synchronized ArrayNode todoList(String accountId, int type, int pageIndex, int pageSize) {
        if (type != TODO_FILL_AND_APPROVE && type != NODE_FILL && type != NODE_APPROVE && type != NODE_CC) {
            throw VendorError.badValue("type " + type + " is not supported (4 approval, 3 fill-in, -1 both, 5 cc)");
        }
        List<WorkItem> matches = new ArrayList<>();
        for (Instance i : instances.values()) {
            for (Work w : i.works) {
                for (WorkItem item : w.items) {
                    if (!item.account.accountId().equals(accountId) || item.operationType != OP_PENDING) {
                        continue;
                    }
                    boolean wanted = type == NODE_CC
                            ? item.type() == NODE_CC
                            : w == i.current && (type == TODO_FILL_AND_APPROVE ? w.node.waits() : item.type() == type);
                    if (wanted) {
                        matches.add(item);
                    }
                }
            }
        }
        matches.sort(Comparator.comparingLong(item -> item.sequence));
        ArrayNode out = NODES.arrayNode();
        matches.stream().skip((long) (pageIndex - 1) * pageSize).limit(pageSize).forEach(item -> out.add(wire.todo(item)));
        return out;
    }

    /**
     * {@code instance/batch}: the account passes (4) or overrules (5) the selected works. Every select is
     * checked before anything is applied, so a refused batch changes nothing. UNVERIFIED: the vendor's code
     * and wording for a refused select; whether a batch is all-or-nothing; whether {@code opinion} is
     * accepted; whether a fill-in node can be "passed" (the sandbox submits it) or overruled (refused).
     */
    synchronized void batch(String accountId, int operation, List<Select> selects, String opinion, Instant now) {
        if (operation != BATCH_PASS && operation != BATCH_REJECT) {
            throw VendorError.badValue("batchOperationType " + operation + " is not supported (4 pass, 5 reject)");
        }
        List<WorkItem> targets = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Select s : selects) {
            Instance instance = instances.get(s.instanceId());
            if (instance == null) {
                throw VendorError.badValue("instance " + s.instanceId() + " does not exist");
            }
            if (!seen.add(s.instanceId())) {
                throw VendorError.badValue("instance " + s.instanceId() + " is selected more than once");
            }
            if (instance.current == null || !instance.current.id.equals(s.workId())) {
                throw VendorError.badValue("work " + s.workId() + " is not a current work of instance "
                        + s.instanceId() + " (current: " + instance.currentWorkIds() + ", status "
                        + instance.status + ")");
            }
            WorkItem item = instance.current.items.stream()
                    .filter(w -> w.account.accountId().equals(accountId) && w.operationType == OP_PENDING)
                    .findFirst()
                    .orElseThrow(() -> VendorError.badValue("account " + accountId
                            + " has no pending work item in work " + s.workId() + " of instance " + s.instanceId()));
            if (operation == BATCH_REJECT && item.type() == NODE_FILL) {
                throw VendorError.badValue("work " + s.workId() + " is a fill-in node and cannot be overruled");
            }
            targets.add(item);
        }
        for (WorkItem item : targets) {
            if (operation == BATCH_PASS) {
                pass(item, opinion, now);
            } else {
                overrule(item, opinion, now);
            }
        }
    }

    // ------------------------------------------------------------------ state machine

    private void pass(WorkItem item, String opinion, Instant now) {
        decide(item, OP_PASSED, item.type() == NODE_FILL ? ACTION_SUBMIT : ACTION_PASS, opinion, now);
        Work work = item.work;
        boolean settled = !Objects.equals(work.node.countersignType, COUNTERSIGN_ALL)
                || work.items.stream().noneMatch(w -> w.operationType == OP_PENDING);
        if (settled) {
            notNeeded(work);
            reachFrom(work.instance, work.instance.nextNode, now);
        }
    }

    private void overrule(WorkItem item, String opinion, Instant now) {
        decide(item, OP_OVERRULED, ACTION_OVERRULE, opinion, now);
        notNeeded(item.work);
        Instance instance = item.work.instance;
        instance.current = null;
        instance.status = STATUS_OVERRULED;
        instance.completeDate = now;
    }

    private static void decide(WorkItem item, int operationType, int action, String opinion, Instant now) {
        item.operationType = operationType;
        item.operationTime = now;
        item.opinion = opinion == null ? "" : opinion;
        item.logAction = action;
        item.logDate = now;
    }

    /** Items still pending when their node is settled: "not needed" (5). UNVERIFIED: operationTime stays null. */
    private static void notNeeded(Work work) {
        work.items.stream().filter(w -> w.operationType == OP_PENDING).forEach(w -> w.operationType = OP_NOT_NEEDED);
    }

    /** Reaches the plan's nodes from {@code index}: cc nodes are passed through, the first waiting node stops. */
    private void reachFrom(Instance instance, int index, Instant now) {
        for (int n = index; n < instance.plan.size(); n++) {
            Node node = instance.plan.get(n);
            Work work = newWork(instance, node, now, OP_PENDING);
            instance.nextNode = n + 1;
            if (node.waits()) {
                instance.current = work;
                return;
            }
        }
        instance.current = null;
        instance.status = STATUS_COMPLETED;
        instance.completeDate = now;
    }

    private Work newWork(Instance instance, Node node, Instant now, int operationType) {
        Work work = new Work(ids.next(now), instance, node, now);
        for (Account a : node.assignees) {
            work.items.add(new WorkItem(ids.next(now), ++itemSequence, work, a, now, operationType));
        }
        instance.works.add(work);
        return work;
    }

    String worksheetId() {
        return worksheetId;
    }
}
