package org.openapproval.sandbox.nocoly;

import org.openapproval.tck.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openapproval.sandbox.nocoly.NocolySandboxWorkflowTest.ints;
import static org.openapproval.sandbox.nocoly.NocolySandboxWorkflowTest.map;
import static org.openapproval.sandbox.nocoly.NocolySandboxWorkflowTest.texts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openapproval.sandbox.nocoly.WireClient.Response;
import org.openapproval.core.domain.ApprovalMode;
import org.openapproval.core.domain.StepKind;
import org.openapproval.core.domain.StepPlan;
import org.openapproval.core.domain.UserRef;
import org.openapproval.sandbox.kit.ProcessSeed;
import org.openapproval.sandbox.kit.SeededProcess;

/** The approval state machine through the org API's batch approval, and the org to-do list. */
class NocolySandboxApprovalTest {
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private static final UserRef ALICE = UserRef.of("alice");
    private static final UserRef BOB = UserRef.of("bob");
    private static final UserRef CAROL = UserRef.of("carol");
    private static final UserRef DAVE = UserRef.of("dave");

    private final MutableClock clock = new MutableClock(T0);
    private NocolySandbox sandbox;
    private WireClient wire;
    private int seeded;

    @BeforeEach
    void start() {
        sandbox = NocolySandbox.start(clock);
        wire = new WireClient(sandbox, clock);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    // ------------------------------------------------------------------ helpers

    private SeededProcess seed(StepPlan... steps) {
        return sandbox.seedProcess(new ProcessSeed("Contract review", "Contract " + (++seeded), ALICE, List.of(steps)));
    }

    private JsonNode detail(SeededProcess p) {
        Response r = wire.get(WireClient.w5(p.process().segment(0), p.process().segment(1), p.process().segment(2)));
        assertEquals(1, r.errorCode(), r.body());
        return r.data();
    }

    private String currentWorkId(SeededProcess p) {
        List<String> ids = texts(detail(p).get("currentWorkIds"));
        assertEquals(1, ids.size(), ids.toString());
        return ids.get(0);
    }

    private static String instanceId(SeededProcess p) {
        return p.process().segment(2);
    }

    private Response batch(String accountId, int operation, SeededProcess p, String workId) {
        return wire.org(WireClient.BATCH, accountId, map("batchOperationType", operation,
                "selects", List.of(map("id", instanceId(p), "workId", workId))));
    }

    private Response pass(String accountId, SeededProcess p) {
        return batch(accountId, 4, p, currentWorkId(p));
    }

    private static void assertOk(Response r) {
        assertEquals(200, r.status());
        assertEquals(1, r.orgStatus(), r.body());
        assertTrue(r.data().asBoolean(), r.body());
        assertEquals("成功", r.json().get("msg").asText());
    }

    private static void assertRefused(Response r, int code, String messagePart) {
        assertEquals(200, r.status());
        assertEquals(0, r.orgStatus(), r.body());
        assertEquals(code, r.orgCode(), r.body());
        assertTrue(r.message().contains(messagePart), r.message());
    }

    /** The operationType of each work item of the work at {@code index}, in order. */
    private static List<Integer> operations(JsonNode detail, int index) {
        List<Integer> out = new ArrayList<>();
        detail.at("/works/" + index + "/workItems").forEach(i -> out.add(i.get("operationType").asInt()));
        return out;
    }

    private static List<String> accounts(JsonNode detail, int index) {
        List<String> out = new ArrayList<>();
        detail.at("/works/" + index + "/workItems").forEach(i -> out.add(i.at("/workItemAccount/accountId").asText()));
        return out;
    }

    /** The {@code id} of each to-do item, in order. */
    private static List<String> ids(JsonNode items) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.get("id").asText()));
        return out;
    }

    private JsonNode todo(String accountId, Object type) {
        Response r = wire.org(WireClient.TODO, accountId, map("type", type, "pageIndex", 1, "pageSize", 50));
        assertEquals(1, r.orgStatus(), r.body());
        return r.data();
    }

    // ------------------------------------------------------------------ pass

    @Test
    void passingASingleApproverNodeReachesTheNextNodeThenCompletes() {
        SeededProcess p = seed(StepPlan.approval("Manager", ApprovalMode.SINGLE, BOB),
                StepPlan.approval("Finance", ApprovalMode.SINGLE, CAROL));
        String first = currentWorkId(p);
        clock.advance(Duration.ofMinutes(10));
        assertOk(wire.org(WireClient.BATCH, "bob", map("batchOperationType", 4,
                "selects", List.of(map("id", instanceId(p), "workId", first)), "opinion", "looks fine")));

        JsonNode d = detail(p);
        assertEquals(3, d.get("works").size());
        JsonNode passed = d.at("/works/1/workItems/0");
        assertEquals(1, passed.get("operationType").asInt());
        assertEquals("2026-11-23T09:10:00.000Z", passed.get("operationTime").asText());
        assertEquals("looks fine", passed.get("opinion").asText());
        assertEquals(4, passed.at("/workItemLog/action").asInt());
        assertEquals(VendorExample.WORK_ITEM_LOG_KEYS, VendorExample.keys(passed.get("workItemLog")));

        String second = d.at("/works/2/workId").asText();
        assertTrue(second.matches("[0-9a-f]{24}"));
        assertNotEquals(first, second, "the next node gets a new work");
        assertEquals(List.of(second), texts(d.get("currentWorkIds")));
        assertEquals("Finance", d.at("/works/2/flowNode/name").asText());
        assertEquals(List.of(0), operations(d, 2));
        assertEquals("2026-11-23T09:10:00.000Z", d.at("/works/2/workItems/0/receiveTime").asText());
        assertEquals(1, d.get("status").asInt());

        clock.advance(Duration.ofMinutes(5));
        assertOk(pass("carol", p));
        JsonNode done = detail(p);
        assertEquals(2, done.get("status").asInt(), "completed");
        assertEquals(List.of(), texts(done.get("currentWorkIds")));
        assertTrue(done.get("currentWorkItem").isNull());
        assertTrue(done.get("flowNode").isNull());
        assertEquals(0, done.get("operationTypeList").size());
        assertEquals("", done.at("/works/2/workItems/0/opinion").asText(), "no opinion sent");
        JsonNode listed = wire.post(WireClient.w4(p.record().objectType(), p.record().recordId()), map()).data().get(0);
        assertEquals(2, listed.get("status").asInt());
        assertEquals("2026-11-23T09:15:00.000Z", listed.get("completeDate").asText());
    }

    @Test
    void allOfNeedsEveryAssignee() {
        SeededProcess p = seed(StepPlan.approval("Board", ApprovalMode.ALL_OF, BOB, CAROL, DAVE),
                StepPlan.approval("Finance", ApprovalMode.SINGLE, ALICE));
        JsonNode d = detail(p);
        assertEquals(1, d.at("/works/1/countersignType").asInt(), "all must pass");
        assertTrue(d.at("/works/1/countersign").asBoolean());
        assertEquals(List.of("bob", "carol", "dave"), accounts(d, 1));
        String board = currentWorkId(p);

        assertOk(pass("carol", p));
        d = detail(p);
        assertEquals(List.of(0, 1, 0), operations(d, 1));
        assertEquals(List.of(board), texts(d.get("currentWorkIds")), "still waiting for the others");
        assertEquals(2, d.get("works").size());

        assertOk(pass("bob", p));
        assertEquals(board, currentWorkId(p));
        assertOk(pass("dave", p));
        d = detail(p);
        assertEquals(List.of(1, 1, 1), operations(d, 1));
        assertEquals(3, d.get("works").size());
        assertEquals(List.of(d.at("/works/2/workId").asText()), texts(d.get("currentWorkIds")));
        assertEquals(List.of("alice"), accounts(d, 2));
    }

    @Test
    void anyOfIsSettledByTheFirstPass() {
        SeededProcess p = seed(StepPlan.approval("Managers", ApprovalMode.ANY_OF, BOB, CAROL, DAVE),
                StepPlan.approval("Finance", ApprovalMode.SINGLE, ALICE));
        JsonNode d = detail(p);
        assertEquals(2, d.at("/works/1/countersignType").asInt(), "one passes");
        String managers = currentWorkId(p);

        assertOk(pass("carol", p));
        d = detail(p);
        assertEquals(List.of(5, 1, 5), operations(d, 1), "the others are no longer needed");
        assertNotEquals(managers, currentWorkId(p));
        assertRefused(batch("bob", 4, p, managers), 10002, managers);
    }

    @Test
    void sequentialStepsBecomeOneNodePerAssigneeInOrder() {
        SeededProcess p = seed(new StepPlan("Sign-off", StepKind.APPROVAL, ApprovalMode.SEQUENTIAL,
                List.of(CAROL, BOB)));
        JsonNode d = detail(p);
        assertEquals(List.of("carol"), accounts(d, 1));
        assertTrue(d.at("/works/1/countersignType").isNull());
        assertRefused(pass("bob", p), 10002, "bob");
        assertOk(pass("carol", p));
        d = detail(p);
        assertEquals(List.of("bob"), accounts(d, 2));
        assertEquals(4, d.at("/works/2/flowNode/type").asInt());
        assertNotEquals(d.at("/works/1/flowNode/id"), d.at("/works/2/flowNode/id"));
        assertOk(pass("bob", p));
        assertEquals(2, detail(p).get("status").asInt());
    }

    @Test
    void ccNodesAreReachedWithoutWaiting() {
        SeededProcess p = seed(new StepPlan("Inform legal", StepKind.NOTIFY, ApprovalMode.ANY_OF, List.of(DAVE)),
                StepPlan.approval("Manager", ApprovalMode.SINGLE, BOB),
                new StepPlan("Inform sales", StepKind.NOTIFY, ApprovalMode.SINGLE, List.of(CAROL)));
        JsonNode d = detail(p);
        assertEquals(3, d.get("works").size());
        assertEquals(5, d.at("/works/1/flowNode/type").asInt());
        assertEquals(5, d.at("/works/1/workItems/0/type").asInt());
        assertTrue(d.at("/works/1/countersignType").isNull());
        assertEquals(List.of(d.at("/works/2/workId").asText()), texts(d.get("currentWorkIds")), "cc does not wait");
        assertRefused(batch("dave", 4, p, d.at("/works/1/workId").asText()), 10002, "not a current work");
        assertEquals(1, todo("dave", 5).size(), "an unread carbon copy");
        assertEquals(0, todo("dave", 4).size());

        assertOk(pass("bob", p));
        d = detail(p);
        assertEquals(2, d.get("status").asInt(), "the trailing cc node does not hold the instance open");
        assertEquals(4, d.get("works").size());
        assertEquals(5, d.at("/works/3/flowNode/type").asInt());
    }

    @Test
    void fillInNodesAreSubmittedByPassButCannotBeOverruled() {
        SeededProcess p = seed(new StepPlan("Details", StepKind.FILL_IN, ApprovalMode.SINGLE, List.of(BOB)),
                StepPlan.approval("Manager", ApprovalMode.SINGLE, CAROL));
        JsonNode d = detail(p);
        assertEquals(3, d.at("/works/1/flowNode/type").asInt());
        assertEquals(3, d.at("/works/1/workItems/0/type").asInt());
        assertEquals(List.of(9, 12), ints(d.at("/operationTypeList/0")));
        assertEquals(0, todo("bob", 4).size(), "type 4 lists approvals only");
        assertEquals(1, todo("bob", 3).size());
        assertEquals(1, todo("bob", -1).size(), "-1 = fill-in and approval");
        assertRefused(batch("bob", 5, p, currentWorkId(p)), 10002, "fill-in");
        assertOk(pass("bob", p));
        d = detail(p);
        assertEquals(List.of(1), operations(d, 1));
        assertEquals(1, d.at("/works/1/workItems/0/workItemLog/action").asInt(), "submitted");
        assertEquals(4, d.at("/works/2/flowNode/type").asInt());
    }

    // ------------------------------------------------------------------ reject

    @Test
    void rejectEndsTheInstanceAndReleasesTheOthers() {
        SeededProcess p = seed(StepPlan.approval("Board", ApprovalMode.ALL_OF, BOB, CAROL, DAVE),
                StepPlan.approval("Finance", ApprovalMode.SINGLE, ALICE));
        assertOk(pass("bob", p));
        String board = currentWorkId(p);
        clock.advance(Duration.ofHours(1));
        assertOk(wire.org(WireClient.BATCH, "carol", map("batchOperationType", 5,
                "selects", List.of(map("id", instanceId(p), "workId", board)), "opinion", "too expensive")));

        JsonNode d = detail(p);
        assertEquals(3, d.get("status").asInt(), "overruled");
        assertEquals(List.of(), texts(d.get("currentWorkIds")));
        assertEquals(List.of(1, 4, 5), operations(d, 1));
        JsonNode rejected = d.at("/works/1/workItems/1");
        assertEquals("too expensive", rejected.get("opinion").asText());
        assertEquals("2026-11-23T10:00:00.000Z", rejected.get("operationTime").asText());
        assertEquals(5, rejected.at("/workItemLog/action").asInt());
        assertEquals(2, d.get("works").size(), "the next node is never reached");
        assertRefused(batch("dave", 4, p, board), 10002, board);
        JsonNode listed = wire.post(WireClient.w4(p.record().objectType(), p.record().recordId()), map()).data().get(0);
        assertEquals(3, listed.get("status").asInt());
        assertEquals("2026-11-23T10:00:00.000Z", listed.get("completeDate").asText());
    }

    // ------------------------------------------------------------------ refusals

    @Test
    void batchRefusesWorksThatAreNotCurrentAndAccountsWithoutAPendingItem() {
        SeededProcess p = seed(StepPlan.approval("Manager", ApprovalMode.SINGLE, BOB),
                StepPlan.approval("Finance", ApprovalMode.SINGLE, CAROL));
        JsonNode d = detail(p);
        String startWork = d.at("/works/0/workId").asText();
        String current = currentWorkId(p);

        assertRefused(batch("alice", 4, p, startWork), 10002, startWork);
        assertRefused(batch("bob", 4, p, "0000000000000000deadbeef"), 10002, "not a current work");
        assertRefused(batch("carol", 4, p, current), 10002, "carol");
        assertRefused(batch("nobody", 4, p, current), 10002, "nobody");
        Response unknownInstance = wire.org(WireClient.BATCH, "bob", map("batchOperationType", 4,
                "selects", List.of(map("id", "0000000000000000deadbeef", "workId", current))));
        assertRefused(unknownInstance, 10002, "0000000000000000deadbeef");

        assertOk(pass("bob", p));
        assertRefused(batch("bob", 4, p, current), 10002, current);
        assertEquals(List.of(1), operations(detail(p), 1), "decided once");
    }

    @Test
    void batchRefusesMalformedBodies() {
        SeededProcess p = seed(StepPlan.approval("Manager", ApprovalMode.SINGLE, BOB));
        String work = currentWorkId(p);
        List<Map<String, Object>> selects = List.of(map("id", instanceId(p), "workId", work));
        assertRefused(wire.org(WireClient.BATCH, "bob", map("batchOperationType", 6, "selects", selects)), 10002,
                "batchOperationType");
        assertRefused(wire.org(WireClient.BATCH, "bob", map("selects", selects)), 10001, "batchOperationType");
        assertRefused(wire.org(WireClient.BATCH, "bob", map("batchOperationType", 4)), 10001, "selects");
        assertRefused(wire.org(WireClient.BATCH, "bob", map("batchOperationType", 4, "selects", List.of())), 10001,
                "selects");
        assertRefused(wire.org(WireClient.BATCH, "bob", map("batchOperationType", 4,
                "selects", List.of(map("id", instanceId(p))))), 10001, "workId");
        assertRefused(wire.org(WireClient.BATCH, "bob", map("batchOperationType", "four", "selects", selects)), 10002,
                "batchOperationType");
        assertRefused(wire.org(WireClient.BATCH, "bob", ""), 10001, "body");
        assertRefused(wire.org(WireClient.BATCH, "bob", "{oops"), 10001, "JSON");
        assertRefused(wire.org(WireClient.BATCH, "bob", map("batchOperationType", 4, "selects", List.of(
                map("id", instanceId(p), "workId", work), map("id", instanceId(p), "workId", work)))), 10002,
                "more than once");
        assertEquals(List.of(0), operations(detail(p), 1), "nothing applied");
        assertOk(wire.org(WireClient.BATCH, "bob", map("batchOperationType", "4", "selects", selects)));
    }

    @Test
    void aBatchIsAllOrNothingAndMayCoverSeveralInstances() {
        SeededProcess one = seed(StepPlan.approval("Manager", ApprovalMode.SINGLE, BOB));
        SeededProcess two = seed(StepPlan.approval("Manager", ApprovalMode.SINGLE, BOB));
        SeededProcess carols = seed(StepPlan.approval("Manager", ApprovalMode.SINGLE, CAROL));
        Response refused = wire.org(WireClient.BATCH, "bob", map("batchOperationType", 4, "selects", List.of(
                map("id", instanceId(one), "workId", currentWorkId(one)),
                map("id", instanceId(carols), "workId", currentWorkId(carols)))));
        assertRefused(refused, 10002, instanceId(carols));
        assertEquals(1, detail(one).get("status").asInt(), "the valid select was not applied either");

        assertOk(wire.org(WireClient.BATCH, "bob", map("batchOperationType", 4, "selects", List.of(
                map("id", instanceId(one), "workId", currentWorkId(one)),
                map("id", instanceId(two), "workId", currentWorkId(two))))));
        assertEquals(2, detail(one).get("status").asInt());
        assertEquals(2, detail(two).get("status").asInt());
        assertEquals(1, detail(carols).get("status").asInt());
    }

    @Test
    void concurrentPassesOnAnAllOfNodeAdvanceItOnce() throws Exception {
        List<UserRef> board = List.of(UserRef.of("u1"), UserRef.of("u2"), UserRef.of("u3"), UserRef.of("u4"),
                UserRef.of("u5"), UserRef.of("u6"));
        SeededProcess p = seed(new StepPlan("Board", StepKind.APPROVAL, ApprovalMode.ALL_OF, board),
                StepPlan.approval("Finance", ApprovalMode.SINGLE, ALICE));
        String work = currentWorkId(p);
        ExecutorService pool = Executors.newFixedThreadPool(board.size());
        try {
            List<CompletableFuture<Response>> calls = board.stream()
                    .map(u -> CompletableFuture.supplyAsync(() -> batch(u.id(), 4, p, work), pool)).toList();
            for (CompletableFuture<Response> c : calls) {
                assertOk(c.get());
            }
        } finally {
            pool.shutdownNow();
        }
        JsonNode d = detail(p);
        assertEquals(List.of(1, 1, 1, 1, 1, 1), operations(d, 1));
        assertEquals(3, d.get("works").size(), "the next node was reached exactly once");
    }

    // ------------------------------------------------------------------ to-do list

    @Test
    void todoListShowsEachAccountsPendingApprovalsOldestFirst() {
        SeededProcess first = seed(StepPlan.approval("Manager", ApprovalMode.SINGLE, BOB),
                StepPlan.approval("Finance", ApprovalMode.SINGLE, CAROL));
        clock.advance(Duration.ofMinutes(1));
        SeededProcess second = seed(StepPlan.approval("Managers", ApprovalMode.ANY_OF, CAROL, BOB));

        JsonNode bobs = todo("bob", 4);
        assertEquals(2, bobs.size(), bobs.toString());
        JsonNode item = bobs.get(0);
        assertEquals(List.of("id", "workId", "title", "status", "processName", "process", "app", "createAccount",
                "createDate", "flowNode", "flowNodeType", "workItem", "worksheetId", "rowId"), VendorExample.keys(item));
        assertEquals(instanceId(first), item.get("id").asText());
        assertEquals(currentWorkId(first), item.get("workId").asText());
        assertEquals("Contract 1", item.get("title").asText());
        assertEquals(1, item.get("status").asInt());
        assertEquals("Contract review", item.get("processName").asText());
        assertEquals(first.definitionId(), item.at("/process/id").asText());
        assertEquals("Contract review", item.at("/process/name").asText());
        assertFalse(item.at("/app/id").asText().isBlank());
        assertEquals("alice", item.at("/createAccount/accountId").asText());
        assertEquals("2026-11-23T09:00:00.000Z", item.get("createDate").asText());
        assertEquals("Manager", item.at("/flowNode/name").asText());
        assertEquals(4, item.at("/flowNode/type").asInt());
        assertEquals(4, item.get("flowNodeType").asInt());
        assertEquals(List.of("workId", "workItemId", "type", "operationType", "receiveTime"),
                VendorExample.keys(item.get("workItem")));
        assertEquals(0, item.at("/workItem/operationType").asInt());
        assertEquals(detail(first).at("/works/1/workItems/0/workItemId"), item.at("/workItem/workItemId"));
        assertEquals(first.record().objectType(), item.get("worksheetId").asText(), "UNVERIFIED field");
        assertEquals(first.record().recordId(), item.get("rowId").asText(), "UNVERIFIED field");
        assertEquals(instanceId(second), bobs.get(1).get("id").asText(), "oldest first");

        JsonNode carols = todo("carol", 4);
        assertEquals(1, carols.size(), "carol's Finance node is not reached yet");
        assertEquals(instanceId(second), carols.get(0).get("id").asText());
        assertEquals(0, todo("alice", 4).size(), "the initiator has nothing to approve");
        assertEquals(0, todo("stranger", 4).size());

        assertOk(pass("bob", first));
        assertEquals(List.of(instanceId(second)), ids(todo("bob", 4)), "decided items drop out");
        assertEquals(2, todo("carol", 4).size(), "and the next node's assignee gets one");
        assertOk(pass("carol", second));
        assertEquals(0, todo("bob", 4).size(), "the any-of node was settled by carol");
    }

    @Test
    void todoListPagesAndChecksItsType() {
        for (int i = 0; i < 5; i++) {
            seed(StepPlan.approval("Manager", ApprovalMode.SINGLE, BOB));
            clock.advance(Duration.ofSeconds(1));
        }
        List<String> all = ids(todo("bob", 4));
        assertEquals(5, all.size());
        Response page2 = wire.org(WireClient.TODO, "bob", map("type", 4, "pageIndex", 2, "pageSize", 2));
        assertEquals(all.subList(2, 4), ids(page2.data()));
        Response page3 = wire.org(WireClient.TODO, "bob", map("type", 4, "pageIndex", 3, "pageSize", 2));
        assertEquals(all.subList(4, 5), ids(page3.data()));
        assertEquals(all, ids(wire.org(WireClient.TODO, "bob", map()).data()),
                "no type means -1, default page size 20 (UNVERIFIED)");
        assertRefused(wire.org(WireClient.TODO, "bob", map("type", 99)), 10002, "type");
        assertRefused(wire.org(WireClient.TODO, "bob", map("type", 4, "pageIndex", 0)), 10002, "pageIndex");
    }

    @Test
    void seedingNeedsAStepThatWaits() {
        assertThrows(IllegalArgumentException.class, () -> seed(
                new StepPlan("Inform", StepKind.NOTIFY, ApprovalMode.SINGLE, List.of(BOB))));
        assertThrows(IllegalArgumentException.class, () -> seed(
                new StepPlan("Nobody", StepKind.APPROVAL, ApprovalMode.ANY_OF, List.of())));
        assertThrows(IllegalArgumentException.class, () -> sandbox.seedProcess(
                org.openapproval.core.domain.RecordRef.of("0000000000000000deadbeef", "0000000000000000deadbeef"),
                new ProcessSeed("x", "y", ALICE, List.of(StepPlan.approval("M", ApprovalMode.SINGLE, BOB)))));
    }
}
