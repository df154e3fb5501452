package org.openapproval.sandbox.fxiaoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openapproval.sandbox.fxiaoke.ApprovalStore.InstanceView;
import org.openapproval.sandbox.fxiaoke.ApprovalStore.TaskView;
import org.openapproval.sandbox.fxiaoke.Vocabulary.Action;
import org.openapproval.sandbox.fxiaoke.Vocabulary.InstanceState;

/**
 * The simulated business endpoints (fact sheet §3.1 #8, #9, #10, #13, #15b, #16 and the ApprovalTaskObj
 * query). Each handler gets the authenticated acting employee and the parsed body and returns the fields
 * that go next to the envelope; errors are thrown as {@link VendorError}.
 */
final class ApprovalEndpoints {
    static final String OBJECT_INSTANCES_QUERY = "/cgi/crm/object/approvalInstances/query";
    static final String INSTANCE_GET = "/cgi/crm/approvalInstance/get";
    static final String INSTANCES_QUERY = "/cgi/crm/approvalInstances/query";
    static final String DATA_QUERY = "/cgi/crm/v2/data/query";
    static final String TASK_ACTION = "/cgi/crm/approvalTask/action";
    static final String REJECT_TO_BEFORE = "/cgi/crm/v2/special/approval/rejectToBeforeTask";
    static final String INSTANCE_CANCEL = "/cgi/crm/v2/special/approval/instance/cancel";

    /** The endpoints that change state: the scope of {@code Fault.Scope.WRITES}. */
    static final Set<String> WRITE_PATHS = Set.of(TASK_ACTION, REJECT_TO_BEFORE, INSTANCE_CANCEL);

    static final String TASK_OBJECT_API_NAME = "ApprovalTaskObj";
    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;

    @FunctionalInterface
    interface Handler {
        ObjectNode handle(String actor, ObjectNode body, Instant now);
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ApprovalStore store;
    private final Map<String, Handler> handlers;
    /** The most items answered on one page of a query whatever was asked; 0 = as asked (see {@link #pageCap}). */
    private volatile int pageCap;

    ApprovalEndpoints(ApprovalStore store) {
        this.store = store;
        this.handlers = Map.of(
                OBJECT_INSTANCES_QUERY, this::objectInstances,
                INSTANCE_GET, this::instanceGet,
                INSTANCES_QUERY, this::instancesQuery,
                DATA_QUERY, this::dataQuery,
                TASK_ACTION, this::taskAction,
                REJECT_TO_BEFORE, this::rejectToBefore,
                INSTANCE_CANCEL, this::cancel);
    }

    Optional<Handler> handler(String path) {
        return Optional.ofNullable(handlers.get(path));
    }

    // ------------------------------------------------------------------ reads

    /** #9: every instance of one record, no paging; an unknown record has none. */
    private ObjectNode objectInstances(String actor, ObjectNode body, Instant now) {
        String dataId = WireFormat.requireText(body, "dataId");
        ObjectNode out = NODES.objectNode();
        ArrayNode list = out.putArray("instances");
        store.instancesOfRecord(dataId).forEach(i -> list.add(WireFormat.instance(i)));
        return nullsAsAsked(out, body);
    }

    /** #16: an instance with the tasks reached so far, in creation order. */
    private ObjectNode instanceGet(String actor, ObjectNode body, Instant now) {
        String instanceId = WireFormat.requireText(body, "instanceId");
        ObjectNode out = NODES.objectNode();
        Optional<ApprovalStore.InstanceDetail> detail = store.detail(instanceId);
        if (detail.isEmpty()) {
            // UNVERIFIED: the answer for an unknown instanceId is undocumented; the sandbox answers success
            // with instanceDetail null (explicitly, whatever includeNull says).
            out.putNull("instanceDetail");
            return out;
        }
        ObjectNode d = out.putObject("instanceDetail");
        d.set("instance", WireFormat.instance(detail.get().instance()));
        ArrayNode tasks = d.putArray("tasks");
        detail.get().tasks().forEach(t -> tasks.add(WireFormat.task(t)));
        return nullsAsAsked(out, body);
    }

    /** #15b: instances of one flow created in [startTime, endTime], paged by pageNumber/pageSize. */
    private ObjectNode instancesQuery(String actor, ObjectNode body, Instant now) {
        String flowApiName = WireFormat.requireText(body, "flowApiName");
        // UNVERIFIED: the answer to an undocumented state value is unknown; 32000 rather than an empty list,
        // so a client sending a wrong word finds out.
        Optional<InstanceState> state = WireFormat.optionalText(body, "state").map(s -> InstanceState.fromWire(s)
                .orElseThrow(() -> VendorError.parameter("unknown state " + s)));
        long startTime = WireFormat.requireLong(body, "startTime");
        long endTime = WireFormat.requireLong(body, "endTime");
        Optional<String> objectApiName = WireFormat.optionalText(body, "objectApiName");
        int pageNumber = WireFormat.optionalInt(body, "pageNumber", 1);
        int pageSize = WireFormat.optionalInt(body, "pageSize", DEFAULT_PAGE_SIZE);
        if (pageNumber < 1) {
            throw VendorError.parameter("pageNumber must be at least 1");
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            // UNVERIFIED: the documented default is 20; the maximum of 100 is the brief's choice.
            throw VendorError.parameter("pageSize must be between 1 and " + MAX_PAGE_SIZE);
        }
        List<InstanceView> matches = store.allInstances().stream()
                .filter(i -> i.flowApiName().equals(flowApiName))
                .filter(i -> state.isEmpty() || i.state() == state.get())
                .filter(i -> objectApiName.isEmpty() || i.objectApiName().equals(objectApiName.get()))
                .filter(i -> i.createTime() >= startTime && i.createTime() <= endTime)
                .sorted(Comparator.comparingLong(InstanceView::createTime).thenComparing(InstanceView::instanceId))
                .toList();
        ObjectNode out = NODES.objectNode();
        ObjectNode result = out.putObject("queryResult");
        result.put("total", matches.size());
        ArrayNode list = result.putArray("instanceList");
        int served = capped(pageSize);
        matches.stream().skip((long) (pageNumber - 1) * served).limit(served)
                .forEach(i -> list.add(WireFormat.instance(i)));
        return nullsAsAsked(out, body);
    }

    /** The generic object query, simulated for ApprovalTaskObj only. */
    private ObjectNode dataQuery(String actor, ObjectNode body, Instant now) {
        ObjectNode data = WireFormat.requireObject(body, "data");
        String objectApiName = WireFormat.requireText(data, "dataObjectApiName");
        if (!objectApiName.equals(TASK_OBJECT_API_NAME)) {
            throw VendorError.parameter("dataObjectApiName " + objectApiName + " is not simulated by the sandbox");
        }
        boolean withTotal = WireFormat.optionalBoolean(data, "find_explicit_total_num").orElse(true);
        TaskObjectQuery query = TaskObjectQuery.parse(WireFormat.requireObject(data, "search_query_info"));
        List<TaskView> matches = query.matches(store.allTasks());
        ObjectNode out = NODES.objectNode();
        ObjectNode result = out.putObject("data");
        ArrayNode list = result.putArray("dataList");
        query.page(matches, capped(query.limit())).forEach(t -> list.add(WireFormat.taskRecord(t)));
        if (withTotal) {
            result.put("total", matches.size());
        }
        return nullsAsAsked(out, body);
    }

    /**
     * Answers at most {@code cap} items a page of {@code approvalInstances/query} and {@code data/query}
     * (0: as many as asked). Within the documented paging: page sizes and limits of 1 to 100; a vendor may
     * answer fewer items than asked, so a client must page on what it got, not on what it asked for.
     */
    void pageCap(int cap) {
        if (cap < 0 || cap > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page cap " + cap + " is outside 0.." + MAX_PAGE_SIZE);
        }
        pageCap = cap;
    }

    private int capped(int asked) {
        int cap = pageCap;
        return cap == 0 ? asked : Math.min(asked, cap);
    }

    // ------------------------------------------------------------------ writes

    /** #8: agree or reject a task as the acting employee; all three fields top-level and required. */
    private ObjectNode taskAction(String actor, ObjectNode body, Instant now) {
        String taskId = WireFormat.requireText(body, "taskId");
        String actionType = WireFormat.requireText(body, "actionType");
        // UNVERIFIED: whether a blank opinion counts as missing is undocumented; the sandbox says it does.
        String opinion = WireFormat.requireText(body, "opinion");
        Action action = Action.fromWire(actionType)
                .orElseThrow(() -> VendorError.parameter("actionType must be agree or reject, not " + actionType));
        store.act(actor, taskId, action, opinion, now);
        return NODES.objectNode();
    }

    /** #10: send the current task back to an earlier passed task's node. */
    private ObjectNode rejectToBefore(String actor, ObjectNode body, Instant now) {
        ObjectNode data = WireFormat.requireObject(body, "data");
        String currentTaskId = WireFormat.requireText(data, "currentTaskId");
        String rejectToTaskId = WireFormat.requireText(data, "rejectToTaskId");
        String opinion = WireFormat.requireText(data, "rejectOpinion");
        // UNVERIFIED: the effect of moveToCurrentActivityWhenReject is only implied by its name: when true,
        // passing the re-opened node jumps straight back to the rejecting node; when false the flow walks
        // forward node by node again.
        boolean resumeHere = WireFormat.optionalBoolean(data, "moveToCurrentActivityWhenReject").orElse(false);
        store.rejectToBefore(actor, currentTaskId, rejectToTaskId, opinion, resumeHere, now);
        return NODES.objectNode();
    }

    /**
     * #13: cancel the in-progress approval of a record. UNVERIFIED: who may cancel is undocumented; any
     * known employee may (a client-credentials app acts with admin rights).
     */
    private ObjectNode cancel(String actor, ObjectNode body, Instant now) {
        ObjectNode data = WireFormat.requireObject(body, "data");
        String entityId = WireFormat.requireText(data, "entityId");
        String objectId = WireFormat.requireText(data, "objectId");
        WireFormat.requireText(data, "cancelReason"); // required, but shown nowhere afterwards
        store.cancel(entityId, objectId, now);
        return NODES.objectNode();
    }

    /** Null fields are left out unless the request says {@code includeNull: true} (fact sheet §1). */
    private static ObjectNode nullsAsAsked(ObjectNode out, JsonNode body) {
        boolean includeNull = WireFormat.optionalBoolean(body, "includeNull").orElse(false);
        return includeNull ? out : (ObjectNode) WireFormat.withoutNulls(out);
    }
}
