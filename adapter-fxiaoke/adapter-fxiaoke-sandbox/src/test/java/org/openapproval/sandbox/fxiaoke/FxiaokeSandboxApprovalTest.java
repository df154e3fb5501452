package org.openapproval.sandbox.fxiaoke;

import org.openapproval.tck.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openapproval.sandbox.fxiaoke.WireClient.Response;
import org.openapproval.core.domain.ApprovalMode;
import org.openapproval.core.domain.StepKind;
import org.openapproval.core.domain.StepPlan;
import org.openapproval.core.domain.UserRef;
import org.openapproval.sandbox.kit.DefinitionSeed;
import org.openapproval.sandbox.kit.ProcessSeed;
import org.openapproval.sandbox.kit.SeededProcess;

/** Seeding, the read endpoints' shapes and paging, and the approval state machine through the write endpoints. */
class FxiaokeSandboxApprovalTest {
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private static final UserRef ALICE = UserRef.of("alice");
    private static final UserRef BOB = UserRef.of("bob");
    private static final UserRef CAROL = UserRef.of("carol");
    private static final UserRef DAVE = UserRef.of("dave");

    private static final String OBJECT_QUERY = "/cgi/crm/object/approvalInstances/query";
    private static final String INSTANCE_GET = "/cgi/crm/approvalInstance/get";
    private static final String INSTANCES_QUERY = "/cgi/crm/approvalInstances/query";
    private static final String DATA_QUERY = "/cgi/crm/v2/data/query";
    private static final String ACTION = "/cgi/crm/approvalTask/action";
    private static final String REJECT_TO = "/cgi/crm/v2/special/approval/rejectToBeforeTask";
    private static final String CANCEL = "/cgi/crm/v2/special/approval/instance/cancel";

    private static final Set<String> INSTANCE_FIELDS = Set.of("instanceId", "instanceName", "dataId", "triggerType",
            "state", "createTime", "lastModifyTime", "endTime", "flowApiName", "applicantOpenUserId", "cancelTime",
            "objectApiName");
    private static final Set<String> TASK_FIELDS = Set.of("id", "type", "state", "flowApiName", "createTime",
            "modifyTime", "endTime", "opinions", "unCompletePersons", "completeOpenPersons");

    private final MutableClock clock = new MutableClock(T0);
    private FxiaokeSandbox sandbox;
    private WireClient wire;
    private String token;
    private int seeded;

    @BeforeEach
    void start() {
        sandbox = FxiaokeSandbox.start(clock);
        wire = new WireClient(sandbox);
        token = wire.accessToken();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    // ------------------------------------------------------------------ helpers

    private SeededProcess seed(String definition, StepPlan... steps) {
        return sandbox.seedProcess(new ProcessSeed(definition, "Order " + (++seeded), ALICE, List.of(steps)));
    }

    private SeededProcess seedTwoSteps() {
        return seed("Contract review", StepPlan.approval("Manager", ApprovalMode.SINGLE, BOB),
                StepPlan.approval("Finance", ApprovalMode.SINGLE, CAROL));
    }

    private Response ok(Response r) {
        assertEquals(200, r.status(), r.body());
        assertEquals(0, r.code(), r.body());
        return r;
    }

    private JsonNode detail(SeededProcess p) {
        return ok(wire.call(token, "1000", INSTANCE_GET, Map.of("instanceId", p.process().value())))
                .get("instanceDetail");
    }

    private JsonNode task(SeededProcess p, int index) {
        return detail(p).get("tasks").get(index);
    }

    private Response act(String user, String taskId, String actionType) {
        return wire.call(token, user, ACTION, Map.of("taskId", taskId, "actionType", actionType,
                "opinion", user + " says " + actionType));
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    // ------------------------------------------------------------------ seeding and read shapes

    @Test
    void seededProcessIsFoundByRecordAndReadWithDocumentedFieldNames() {
        SeededProcess p = seedTwoSteps();
        String instanceId = p.process().value();
        assertTrue(instanceId.matches("[0-9a-f]{24}"), instanceId);
        assertEquals("SalesOrderObj", p.record().objectType());
        assertTrue(p.record().recordId().matches("[0-9a-f]{32}"), p.record().recordId());
        assertEquals("apprflow_1", p.definitionId());

        JsonNode instances = ok(wire.call(token, "1000", OBJECT_QUERY, Map.of("dataId", p.record().recordId())))
                .get("instances");
        assertEquals(1, instances.size());
        JsonNode i = instances.get(0);
        Set<String> runningFields = new TreeSet<>(INSTANCE_FIELDS);
        runningFields.remove("endTime"); // null while running: left out unless includeNull
        assertEquals(runningFields, fieldNames(i));
        assertEquals(instanceId, i.get("instanceId").asText());
        assertEquals("Contract review", i.get("instanceName").asText());
        assertEquals(p.record().recordId(), i.get("dataId").asText());
        assertEquals("Create", i.get("triggerType").asText());
        assertEquals("in_progress", i.get("state").asText());
        assertTrue(i.get("createTime").isIntegralNumber());
        assertEquals(T0.toEpochMilli(), i.get("createTime").asLong());
        assertEquals(T0.toEpochMilli(), i.get("lastModifyTime").asLong());
        assertEquals("apprflow_1", i.get("flowApiName").asText());
        assertEquals("alice", i.get("applicantOpenUserId").asText());
        assertEquals(0, i.get("cancelTime").asLong());
        assertEquals("SalesOrderObj", i.get("objectApiName").asText());

        JsonNode withNulls = ok(wire.call(token, "1000", OBJECT_QUERY, Map.of("dataId", p.record().recordId(),
                "includeNull", true))).get("instances").get(0);
        assertTrue(withNulls.get("endTime").isNull());

        JsonNode d = detail(p);
        assertEquals(Set.of("instance", "tasks"), fieldNames(d));
        assertEquals(i, d.get("instance"));
        assertEquals(1, d.get("tasks").size(), "only the reached node has a task");
        JsonNode t = d.get("tasks").get(0);
        Set<String> openTaskFields = new TreeSet<>(TASK_FIELDS);
        openTaskFields.remove("endTime");
        assertEquals(openTaskFields, fieldNames(t));
        assertTrue(t.get("id").asText().matches("[0-9a-f]{24}"));
        assertEquals("single", t.get("type").asText());
        assertEquals("in_progress", t.get("state").asText());
        assertEquals("apprflow_1", t.get("flowApiName").asText());
        assertEquals(T0.toEpochMilli(), t.get("createTime").asLong());
        assertEquals(0, t.get("opinions").size());
        assertEquals(List.of("bob"), texts(t.get("unCompletePersons")));
        assertEquals(List.of(), texts(t.get("completeOpenPersons")));
    }

    @Test
    void unknownOrMissingIdsOnReads() {
        assertEquals(0, ok(wire.call(token, "1000", OBJECT_QUERY, Map.of("dataId", "0000000000000000deadbeef")))
                .get("instances").size());
        assertEquals(32000, wire.call(token, "1000", OBJECT_QUERY, Map.of()).code());
        Response unknown = ok(wire.call(token, "1000", INSTANCE_GET, Map.of("instanceId", "0000000000000000deadbeef")));
        assertTrue(unknown.json().has("instanceDetail"));
        assertTrue(unknown.get("instanceDetail").isNull());
        assertEquals(32000, wire.call(token, "1000", INSTANCE_GET, Map.of()).code());
    }

    @Test
    void seedingMapsStepsToFxiaokeNodes() {
        String defId = sandbox.seedDefinition(new DefinitionSeed("Contract review", List.of()));
        assertEquals("apprflow_1", defId);
        SeededProcess p = seed("Contract review",
                new StepPlan("Copy", StepKind.NOTIFY, ApprovalMode.SINGLE, List.of(DAVE)),
                StepPlan.approval("Board", ApprovalMode.SEQUENTIAL, BOB, CAROL),
                new StepPlan("Nobody", StepKind.APPROVAL, ApprovalMode.ANY_OF, List.of()),
                StepPlan.approval("Any", ApprovalMode.ANY_OF, BOB, CAROL));
        assertEquals("apprflow_1", p.definitionId(), "same name, same flow");
        assertEquals("apprflow_2", seed("Other flow", StepPlan.approval("M", ApprovalMode.SINGLE, BOB))
                .definitionId());

        JsonNode t1 = task(p, 0);
        assertEquals("single", t1.get("type").asText(), "notify step skipped, sequential starts with bob alone");
        assertEquals(List.of("bob"), texts(t1.get("unCompletePersons")));
        ok(act("bob", t1.get("id").asText(), "agree"));
        JsonNode t2 = task(p, 1);
        assertEquals("single", t2.get("type").asText());
        assertEquals(List.of("carol"), texts(t2.get("unCompletePersons")));
        ok(act("carol", t2.get("id").asText(), "agree"));
        JsonNode t3 = task(p, 2);
        assertEquals("one_pass", t3.get("type").asText(), "empty step skipped");
        assertEquals(List.of("bob", "carol"), texts(t3.get("unCompletePersons")));

        assertThrows(IllegalArgumentException.class, () -> seed("Only notify",
                new StepPlan("Copy", StepKind.NOTIFY, ApprovalMode.SINGLE, List.of(DAVE))));
    }

    // ------------------------------------------------------------------ approvalTask/action

    @Test
    void agreeOnSingleCompletesTheNodeAndReachesTheNextUntilThePass() {
        SeededProcess p = seedTwoSteps();
        String t1 = task(p, 0).get("id").asText();
        assertEquals(32000, act("carol", t1, "agree").code(), "carol is not an approver of the first node");
        assertEquals(32000, act("1000", t1, "agree").code());

        clock.advance(Duration.ofMinutes(5));
        ok(act("bob", t1, "agree"));
        JsonNode d = detail(p);
        JsonNode first = d.get("tasks").get(0);
        assertEquals("pass", first.get("state").asText());
        assertEquals(T0.plusSeconds(300).toEpochMilli(), first.get("endTime").asLong());
        assertEquals(List.of(), texts(first.get("unCompletePersons")));
        assertEquals(List.of("bob"), texts(first.get("completeOpenPersons")));
        JsonNode opinion = first.get("opinions").get(0);
        assertEquals(Set.of("actionType", "opinion", "replyTime", "openUserId"), fieldNames(opinion));
        assertEquals("agree", opinion.get("actionType").asText());
        assertEquals("bob says agree", opinion.get("opinion").asText());
        assertEquals(T0.plusSeconds(300).toEpochMilli(), opinion.get("replyTime").asLong());
        assertEquals("bob", opinion.get("openUserId").asText());

        JsonNode second = d.get("tasks").get(1);
        assertNotEquals(t1, second.get("id").asText());
        assertEquals("in_progress", second.get("state").asText());
        assertEquals(List.of("carol"), texts(second.get("unCompletePersons")));
        assertEquals("in_progress", d.at("/instance/state").asText());
        assertEquals(32000, act("bob", t1, "agree").code(), "a passed task cannot be decided again");

        clock.advance(Duration.ofMinutes(5));
        ok(act("carol", second.get("id").asText(), "agree"));
        JsonNode done = detail(p).get("instance");
        assertEquals("pass", done.get("state").asText());
        assertEquals(T0.plusSeconds(600).toEpochMilli(), done.get("endTime").asLong());
        assertEquals(2, detail(p).get("tasks").size());
    }

    @Test
    void allPassNeedsEveryPersonAndOnePassTheFirst() {
        SeededProcess all = seed("Board", StepPlan.approval("All", ApprovalMode.ALL_OF, BOB, CAROL));
        String t = task(all, 0).get("id").asText();
        assertEquals("all_pass", task(all, 0).get("type").asText());
        ok(act("bob", t, "agree"));
        JsonNode half = task(all, 0);
        assertEquals("in_progress", half.get("state").asText());
        assertEquals(List.of("carol"), texts(half.get("unCompletePersons")));
        assertEquals(List.of("bob"), texts(half.get("completeOpenPersons")));
        assertEquals(32000, act("bob", t, "agree").code(), "bob already acted");
        ok(act("carol", t, "agree"));
        assertEquals("pass", task(all, 0).get("state").asText());
        assertEquals("pass", detail(all).at("/instance/state").asText());

        SeededProcess any = seed("Board", StepPlan.approval("Any", ApprovalMode.ANY_OF, BOB, CAROL));
        String a = task(any, 0).get("id").asText();
        ok(act("carol", a, "agree"));
        JsonNode passed = task(any, 0);
        assertEquals("pass", passed.get("state").asText());
        assertEquals(List.of(), texts(passed.get("unCompletePersons")), "bob is dropped");
        assertEquals(32000, act("bob", a, "agree").code());
    }

    @Test
    void rejectEndsTheInstance() {
        SeededProcess p = seedTwoSteps();
        clock.advance(Duration.ofMinutes(1));
        ok(act("bob", task(p, 0).get("id").asText(), "reject"));
        JsonNode d = detail(p);
        assertEquals("reject", d.at("/tasks/0/state").asText());
        assertEquals("reject", d.at("/tasks/0/opinions/0/actionType").asText());
        assertEquals("reject", d.at("/instance/state").asText());
        assertEquals(T0.plusSeconds(60).toEpochMilli(), d.at("/instance/endTime").asLong());
        assertEquals(1, d.get("tasks").size());
    }

    @Test
    void actionValidatesItsFields() {
        SeededProcess p = seedTwoSteps();
        String t = task(p, 0).get("id").asText();
        assertEquals(32000, wire.call(token, "bob", ACTION, Map.of("taskId", t, "actionType", "agree")).code());
        assertEquals(32000, wire.call(token, "bob", ACTION, Map.of("taskId", t, "opinion", "x")).code());
        assertEquals(32000, wire.call(token, "bob", ACTION, Map.of("actionType", "agree", "opinion", "x")).code());
        assertEquals(32000, wire.call(token, "bob", ACTION, Map.of("taskId", t, "actionType", "approve",
                "opinion", "x")).code());
        assertEquals(32000, act("bob", "0000000000000000deadbeef", "agree").code());
        assertEquals("in_progress", task(p, 0).get("state").asText());
    }

    @Test
    void legacyStyleActsAsCurrentOpenUserId() {
        SeededProcess p = seedTwoSteps();
        String corpToken = wire.corpAccessToken();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("taskId", task(p, 0).get("id").asText());
        body.put("actionType", "agree");
        body.put("opinion", "fine");
        ok(wire.legacyCall(corpToken, "bob", ACTION, body));
        assertEquals("bob", task(p, 0).at("/opinions/0/openUserId").asText());
    }

    // ------------------------------------------------------------------ rejectToBeforeTask

    @Test
    void rejectToBeforeTaskReopensTheEarlierNodeAsANewTask() {
        SeededProcess p = seedTwoSteps();
        String t1 = task(p, 0).get("id").asText();
        ok(act("bob", t1, "agree"));
        String t2 = task(p, 1).get("id").asText();

        Map<String, Object> data = new LinkedHashMap<>();
        data.put("currentTaskId", t2);
        data.put("rejectToTaskId", t2);
        data.put("rejectOpinion", "redo");
        assertEquals(32000, wire.call(token, "carol", REJECT_TO, Map.of("data", data)).code(),
                "target must be an earlier passed task");
        data.put("rejectToTaskId", t1);
        assertEquals(32000, wire.call(token, "bob", REJECT_TO, Map.of("data", data)).code(),
                "bob is not pending on the current task");
        data.remove("rejectOpinion");
        assertEquals(32000, wire.call(token, "carol", REJECT_TO, Map.of("data", data)).code());
        data.put("rejectOpinion", "please fix the amount");
        data.put("moveToCurrentActivityWhenReject", false);
        clock.advance(Duration.ofMinutes(2));
        ok(wire.call(token, "carol", REJECT_TO, Map.of("data", data)));

        JsonNode d = detail(p);
        assertEquals("in_progress", d.at("/instance/state").asText());
        assertEquals(3, d.get("tasks").size());
        assertEquals("pass", d.at("/tasks/0/state").asText());
        JsonNode back = d.get("tasks").get(1);
        assertEquals("go_back", back.get("state").asText());
        assertEquals("please fix the amount", back.at("/opinions/0/opinion").asText());
        assertEquals("carol", back.at("/opinions/0/openUserId").asText());
        JsonNode reopened = d.get("tasks").get(2);
        assertNotEquals(t1, reopened.get("id").asText());
        assertEquals("in_progress", reopened.get("state").asText());
        assertEquals(List.of("bob"), texts(reopened.get("unCompletePersons")));
        assertEquals(T0.plusSeconds(120).toEpochMilli(), reopened.get("createTime").asLong());

        ok(act("bob", reopened.get("id").asText(), "agree"));
        JsonNode again = task(p, 3);
        assertEquals(List.of("carol"), texts(again.get("unCompletePersons")), "walks forward to finance again");
    }

    @Test
    void moveToCurrentActivityWhenRejectJumpsBackToTheRejectingNode() {
        SeededProcess p = seed("Three", StepPlan.approval("A", ApprovalMode.SINGLE, BOB),
                StepPlan.approval("B", ApprovalMode.SINGLE, CAROL), StepPlan.approval("C", ApprovalMode.SINGLE, DAVE));
        String t1 = task(p, 0).get("id").asText();
        ok(act("bob", t1, "agree"));
        ok(act("carol", task(p, 1).get("id").asText(), "agree"));
        String t3 = task(p, 2).get("id").asText();
        ok(wire.call(token, "dave", REJECT_TO, Map.of("data", Map.of("currentTaskId", t3, "rejectToTaskId", t1,
                "rejectOpinion", "back to A", "moveToCurrentActivityWhenReject", "true"))));
        ok(act("bob", task(p, 3).get("id").asText(), "agree"));
        JsonNode next = task(p, 4);
        assertEquals(List.of("dave"), texts(next.get("unCompletePersons")), "skips B, returns to C");
    }

    // ------------------------------------------------------------------ cancel

    @Test
    void cancelEndsTheInstanceAndItsOpenTasks() {
        SeededProcess p = seedTwoSteps();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("entityId", p.record().objectType());
        data.put("objectId", p.record().recordId());
        assertEquals(32000, wire.call(token, "alice", CANCEL, Map.of("data", data)).code(), "cancelReason missing");
        data.put("cancelReason", "withdrawn");
        clock.advance(Duration.ofMinutes(3));
        ok(wire.call(token, "alice", CANCEL, Map.of("data", data)));
        JsonNode d = detail(p);
        long at = T0.plusSeconds(180).toEpochMilli();
        assertEquals("cancel", d.at("/instance/state").asText());
        assertEquals(at, d.at("/instance/cancelTime").asLong());
        assertEquals(at, d.at("/instance/endTime").asLong());
        assertEquals("cancel", d.at("/tasks/0/state").asText());
        assertEquals(List.of(), texts(d.at("/tasks/0/unCompletePersons")));
        assertEquals(32000, wire.call(token, "alice", CANCEL, Map.of("data", data)).code(), "nothing in progress");
        data.put("objectId", "0000000000000000deadbeef");
        assertEquals(32000, wire.call(token, "alice", CANCEL, Map.of("data", data)).code());
    }

    // ------------------------------------------------------------------ approvalInstances/query

    @Test
    void instancesQueryFiltersByFlowStateAndTimeAndPages() {
        SeededProcess a = seedTwoSteps();
        clock.advance(Duration.ofMinutes(10));
        SeededProcess b = seedTwoSteps();
        clock.advance(Duration.ofMinutes(10));
        SeededProcess c = seedTwoSteps();
        seed("Other flow", StepPlan.approval("M", ApprovalMode.SINGLE, BOB));
        ok(act("bob", task(c, 0).get("id").asText(), "reject"));

        Map<String, Object> q = new LinkedHashMap<>();
        q.put("flowApiName", a.definitionId());
        q.put("startTime", T0.toEpochMilli());
        q.put("endTime", String.valueOf(T0.plusSeconds(3600).toEpochMilli())); // numeric string accepted
        q.put("pageSize", 2);
        JsonNode page1 = ok(wire.call(token, "1000", INSTANCES_QUERY, q)).get("queryResult");
        assertEquals(3, page1.get("total").asInt());
        assertEquals(List.of(a.process().value(), b.process().value()), ids(page1.get("instanceList")));
        q.put("pageNumber", 2);
        JsonNode page2 = ok(wire.call(token, "1000", INSTANCES_QUERY, q)).get("queryResult");
        assertEquals(List.of(c.process().value()), ids(page2.get("instanceList")));

        q.put("pageNumber", 1);
        q.put("state", "in_progress");
        assertEquals(List.of(a.process().value(), b.process().value()),
                ids(ok(wire.call(token, "1000", INSTANCES_QUERY, q)).at("/queryResult/instanceList")));
        q.remove("state");
        q.put("startTime", T0.plusSeconds(300).toEpochMilli());
        q.put("endTime", T0.plusSeconds(600).toEpochMilli());
        assertEquals(List.of(b.process().value()),
                ids(ok(wire.call(token, "1000", INSTANCES_QUERY, q)).at("/queryResult/instanceList")),
                "createTime within [startTime, endTime], both ends included");

        q.put("pageSize", 101);
        assertEquals(32000, wire.call(token, "1000", INSTANCES_QUERY, q).code());
        q.put("pageSize", 20);
        q.remove("startTime");
        assertEquals(32000, wire.call(token, "1000", INSTANCES_QUERY, q).code());
        Map<String, Object> defaults = Map.of("flowApiName", a.definitionId(), "startTime", 0,
                "endTime", Long.MAX_VALUE);
        assertEquals(3, ok(wire.call(token, "1000", INSTANCES_QUERY, defaults)).at("/queryResult/instanceList")
                .size(), "pageNumber 1 and pageSize 20 by default");
    }

    private static List<String> ids(JsonNode instanceList) {
        List<String> out = new ArrayList<>();
        instanceList.forEach(i -> out.add(i.get("instanceId").asText()));
        return out;
    }

    // ------------------------------------------------------------------ v2/data/query ApprovalTaskObj

    private Response taskQuery(int limit, int offset, List<Map<String, Object>> filters, boolean total) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("limit", limit);
        info.put("offset", offset);
        info.put("filters", filters);
        info.put("orders", List.of(Map.of("fieldName", "_id", "isAsc", true)));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("dataObjectApiName", "ApprovalTaskObj");
        data.put("find_explicit_total_num", total);
        data.put("search_query_info", info);
        return wire.call(token, "1000", DATA_QUERY, Map.of("data", data));
    }

    private static Map<String, Object> filter(String field, String operator, Object... values) {
        return Map.of("field_name", field, "operator", operator, "field_values", List.of(values));
    }

    @Test
    void taskObjectQueryReturnsRecordsFiltersAndPages() {
        SeededProcess p = seedTwoSteps();
        seed("Board", StepPlan.approval("All", ApprovalMode.ALL_OF, BOB, CAROL));
        seed("Board", StepPlan.approval("One", ApprovalMode.SINGLE, DAVE));
        ok(act("bob", task(p, 0).get("id").asText(), "agree")); // four tasks now

        JsonNode all = ok(taskQuery(100, 0, List.of(), true)).get("data");
        assertEquals(4, all.get("total").asInt());
        JsonNode first = all.get("dataList").get(0);
        assertEquals(Set.of("_id", "state", "workflow_instance_id", "workflow_id", "activity_id", "candidate_ids",
                "create_time", "last_modify_time"), fieldNames(first));
        assertEquals(task(p, 0).get("id").asText(), first.get("_id").asText(), "_id is the task id");
        assertEquals("pass", first.get("state").asText());
        assertEquals(p.process().value(), first.get("workflow_instance_id").asText());
        assertEquals(p.definitionId(), first.get("workflow_id").asText());
        assertEquals(List.of("bob"), texts(first.get("candidate_ids")));
        assertTrue(first.get("create_time").isIntegralNumber());

        JsonNode pending = ok(taskQuery(100, 0, List.of(filter("state", "EQ", "in_progress"),
                filter("candidate_ids", "HASANYOF", "carol")), true)).at("/data/dataList");
        assertEquals(2, pending.size(), "carol's pending finance task and all_pass task");
        assertEquals(2, ok(taskQuery(100, 0, List.of(filter("workflow_instance_id", "IN", p.process().value())),
                true)).at("/data/dataList").size(), "two tasks of p");

        // offset paging
        JsonNode page1 = ok(taskQuery(2, 0, List.of(), false)).get("data");
        assertFalse(page1.has("total"), "no total unless find_explicit_total_num");
        JsonNode page2 = ok(taskQuery(2, 2, List.of(), true)).get("data");
        assertEquals(2, page1.get("dataList").size());
        assertEquals(2, page2.get("dataList").size());
        // keyset paging: _id GT the last id seen
        String last = page1.get("dataList").get(1).get("_id").asText();
        JsonNode keyset = ok(taskQuery(2, 0, List.of(filter("_id", "GT", last)), true)).get("data");
        assertEquals(page2.get("dataList"), keyset.get("dataList"));
        assertEquals(2, keyset.get("total").asInt());
    }

    @Test
    void taskObjectQueryLimits() {
        assertEquals(32000, taskQuery(101, 0, List.of(), true).code(), "limit above 100");
        assertEquals(32000, taskQuery(0, 0, List.of(), true).code());
        assertEquals(32000, taskQuery(20, 30, List.of(), true).code(), "offset not a multiple of limit");
        assertEquals(0, taskQuery(100, 10000, List.of(), true).code());
        Response beyond = taskQuery(100, 10100, List.of(), true);
        assertEquals(10013, beyond.code());
        assertEquals("offset out of range 10000", beyond.get("errorMessage").asText());
        assertEquals(32000, taskQuery(10, 0, List.of(filter("state", "LIKE", "pass")), true).code());
        Map<String, Object> other = Map.of("dataObjectApiName", "ApprovalInstanceObj",
                "search_query_info", Map.of("limit", 10, "offset", 0));
        assertEquals(32000, wire.call(token, "1000", DATA_QUERY, Map.of("data", other)).code());
        assertEquals(32000, wire.call(token, "1000", DATA_QUERY, Map.of()).code());
    }
}
