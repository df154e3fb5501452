package org.openapproval.sandbox.nocoly;

import static org.openapproval.sandbox.nocoly.Vocabulary.BATCH_PASS;
import static org.openapproval.sandbox.nocoly.Vocabulary.BATCH_REJECT;
import static org.openapproval.sandbox.nocoly.Vocabulary.NODE_APPROVE;
import static org.openapproval.sandbox.nocoly.Vocabulary.NODE_CC;
import static org.openapproval.sandbox.nocoly.Vocabulary.NODE_FILL;
import static org.openapproval.sandbox.nocoly.Vocabulary.NODE_START;
import static org.openapproval.sandbox.nocoly.Vocabulary.OP_PENDING;
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
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.openapproval.sandbox.kit.DefinitionSeed;
import org.openapproval.sandbox.kit.ProcessSeed;
import org.openapproval.sandbox.kit.UnrepresentableSeedException;
import org.openapproval.sandbox.nocoly.Model.Account;
import org.openapproval.sandbox.nocoly.Model.Input;
import org.openapproval.sandbox.nocoly.Model.Instance;
import org.openapproval.sandbox.nocoly.Model.Node;
import org.openapproval.sandbox.nocoly.Model.Process;
import org.openapproval.sandbox.nocoly.Model.Row;
import org.openapproval.sandbox.nocoly.Model.Work;
import org.openapproval.sandbox.nocoly.Model.WorkItem;
import org.openapproval.sandbox.nocoly.NocolySandbox.HookRun;

/**
 * The vendor-side state ({@link Model}) and the questions the endpoints ask of it: seeding, the V3 reads
 * and W3 trigger, the org to-do list and batch decisions (checked here, applied by the {@link FlowEngine}).
 * One lock guards everything; answers are rendered to JSON under that lock, so nothing mutable leaves the
 * store.
 */
final class WorkflowStore {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** What seeding created, in vendor ids. */
    record Seeded(String worksheetId, String rowId, String instanceId, String processId) {
    }

    /** One {@code selects[]} entry of the org batch call. */
    record Select(String instanceId, String workId) {
    }

    private final WireFormat wire;
    private final ObjectIds ids = new ObjectIds();
    private final SeedMapper seeds = new SeedMapper(ids);
    private int todoPageCap;
    private final FlowEngine engine = new FlowEngine(ids);
    private final Map<String, Process> processesByName = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final Map<String, Instance> instances = new LinkedHashMap<>();
    private final List<HookRun> hookRuns = new ArrayList<>();
    private final String worksheetId;

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
        p.inputs = seeds.inputs(seed.inputs(), now);
        return p.id;
    }

    /**
     * Answers at most {@code cap} items a page of {@code getTodoList} (0: as many as asked). The page size a
     * tenant answers is undocumented; a client must page until an empty page rather than trust its own size.
     */
    synchronized void todoPageCap(int cap) {
        if (cap < 0) {
            throw new IllegalArgumentException("page cap " + cap + " is negative");
        }
        todoPageCap = cap;
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
        List<Node> plan = seeds.plan(seed.steps(), now);
        if (plan.stream().noneMatch(Node::waits)) {
            throw new UnrepresentableSeedException("seed '" + seed.recordTitle()
                    + "' has no approval or fill-in step with assignees; Nocoly would not leave it open");
        }
        Account initiator = SeedMapper.account(seed.initiator());
        Process process = process(seed.definitionName(), now);
        Node startNode = new Node(ids.next(now), "流程发起节点", NODE_START, null, List.of(initiator), ids.next(now));
        Instance instance = new Instance(ids.next(now), process, row, initiator, now, startNode, plan);
        engine.submit(instance, now);
        instances.put(instance.id, instance);
        row.instances.add(instance);
        return new Seeded(row.worksheetId, row.rowId, instance.id, process.id);
    }

    /** The process of that name, created on first use: one process per definition name. */
    private Process process(String name, Instant now) {
        return processesByName.computeIfAbsent(name, n -> {
            Process p = new Process(ids.next(now), ids.next(now), n, now);
            processes.put(p.id, p);
            return p;
        });
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
    synchronized ArrayNode todoList(String accountId, int type, int pageIndex, int asked) {
        int pageSize = todoPageCap == 0 ? asked : Math.min(asked, todoPageCap);
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
                engine.pass(item, opinion, now);
            } else {
                engine.overrule(item, opinion, now);
            }
        }
    }


    String worksheetId() {
        return worksheetId;
    }
}
