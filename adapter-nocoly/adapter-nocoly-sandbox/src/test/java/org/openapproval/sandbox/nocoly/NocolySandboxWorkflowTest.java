package org.openapproval.sandbox.nocoly;

import org.openapproval.tck.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openapproval.sandbox.nocoly.WireClient.Response;
import org.openapproval.core.domain.ApprovalMode;
import org.openapproval.core.domain.InputParameter;
import org.openapproval.core.domain.StepPlan;
import org.openapproval.core.domain.UserRef;
import org.openapproval.sandbox.kit.DefinitionSeed;
import org.openapproval.sandbox.kit.ProcessSeed;
import org.openapproval.sandbox.kit.SeededProcess;

/** The V3 workflow endpoints W1–W5: shapes, lookups, path decoding, input checks and both hook answers. */
class NocolySandboxWorkflowTest {
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private static final String HEX24 = "[0-9a-f]{24}";
    private static final String ISO = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.000Z";
    private static final UserRef ALICE = new UserRef("alice", "Alice Chen");
    private static final UserRef BOB = new UserRef("bob", "Bob Li");
    private static final UserRef CAROL = UserRef.of("carol");

    private final MutableClock clock = new MutableClock(T0);
    private NocolySandbox sandbox;
    private WireClient wire;

    @BeforeEach
    void start() {
        sandbox = NocolySandbox.start(clock);
        wire = new WireClient(sandbox, clock);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private SeededProcess seedTwoSteps(String title) {
        return sandbox.seedProcess(new ProcessSeed("Contract review", title, ALICE,
                List.of(StepPlan.approval("Manager", ApprovalMode.SINGLE, BOB),
                        StepPlan.approval("Finance", ApprovalMode.SINGLE, CAROL))));
    }

    private String expenseClaim() {
        return sandbox.seedDefinition(new DefinitionSeed("Expense claim", List.of(
                new InputParameter("amount", "number", true, Optional.of("claimed amount")),
                new InputParameter("reason", "text", false, Optional.empty()))));
    }

    private static String w5(SeededProcess p) {
        return WireClient.w5(p.process().segment(0), p.process().segment(1), p.process().segment(2));
    }

    private static String w4(SeededProcess p) {
        return WireClient.w4(p.record().objectType(), p.record().recordId());
    }

    /** Every character as a %XX escape: a client that encodes each path segment fully. */
    private static String encodeAll(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append('%').append(String.format("%02X", (int) c));
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ seeding

    @Test
    void seedingReturnsVendorShapedIds() {
        SeededProcess p = seedTwoSteps("Contract 1");
        assertEquals(3, p.process().segments().size());
        p.process().segments().forEach(s -> assertTrue(s.matches(HEX24), s));
        assertEquals(p.process().segment(0), p.record().objectType(), "worksheet id");
        assertEquals(p.process().segment(1), p.record().recordId(), "row id");
        assertTrue(p.definitionId().matches(HEX24));

        SeededProcess q = seedTwoSteps("Contract 2");
        assertEquals(p.record().objectType(), q.record().objectType(), "one worksheet per sandbox");
        assertNotEquals(p.record().recordId(), q.record().recordId(), "a row per seed");
        assertNotEquals(p.process().segment(2), q.process().segment(2));
        assertEquals(p.definitionId(), q.definitionId(), "one process per definition name");
        assertNotEquals(p.definitionId(), sandbox.seedProcess(new ProcessSeed("Other flow", "x", ALICE,
                List.of(StepPlan.approval("Manager", ApprovalMode.SINGLE, BOB)))).definitionId());
    }

    // ------------------------------------------------------------------ W1 / W2

    @Test
    void w1ListsTheSeededDefinitionsOnly() {
        String claim = expenseClaim();
        clock.advance(Duration.ofSeconds(90));
        String purchase = sandbox.seedDefinition(new DefinitionSeed("Purchase request", List.of()));
        seedTwoSteps("Contract 1"); // a worksheet-triggered approval flow is not API-triggerable

        Response r = wire.get(WireClient.PROCESSES);
        assertEquals(200, r.status());
        assertTrue(r.json().get("success").asBoolean());
        assertEquals(1, r.errorCode());
        JsonNode list = r.data().get("processes");
        assertEquals(2, list.size(), r.body());
        JsonNode first = list.get(0);
        assertEquals(List.of("id", "name", "alias", "type", "description", "status", "_createdAt", "_updatedAt",
                "_owner"), VendorExample.keys(first));
        assertEquals(claim, first.get("id").asText());
        assertTrue(claim.matches(HEX24));
        assertEquals("Expense claim", first.get("name").asText());
        assertEquals(10, first.get("type").asInt(), "PBP");
        assertEquals("2026-11-23 09:00:00", first.get("_createdAt").asText(), "clock time in the clock's zone (UTC)");
        assertEquals(List.of("accountId", "fullname", "avatar", "status"), VendorExample.keys(first.get("_owner")));
        assertEquals(purchase, list.get(1).get("id").asText());
        assertEquals("2026-11-23 09:01:30", list.get(1).get("_createdAt").asText());
    }

    @Test
    void w2DescribesInputsAndUnknownIdsAre10007() {
        String claim = expenseClaim();
        Response r = wire.get(WireClient.PROCESSES + "/" + claim);
        assertEquals(1, r.errorCode(), r.body());
        JsonNode data = r.data();
        assertEquals(List.of("id", "name", "description", "inputParameters", "outputParameters"),
                VendorExample.keys(data));
        assertEquals(claim, data.get("id").asText());
        JsonNode amount = data.get("inputParameters").get(0);
        assertEquals(List.of("id", "name", "alias", "type", "description", "required"), VendorExample.keys(amount));
        assertEquals("amount", amount.get("name").asText());
        assertEquals(6, amount.get("type").asInt(), "number");
        assertTrue(amount.get("required").asBoolean());
        assertEquals("claimed amount", amount.get("description").asText());
        JsonNode reason = data.get("inputParameters").get(1);
        assertEquals(2, reason.get("type").asInt(), "text");
        assertFalse(reason.get("required").asBoolean());
        assertEquals("", reason.get("description").asText());
        assertTrue(data.get("outputParameters").isArray());
        assertEquals(0, data.get("outputParameters").size());

        Response unknown = wire.get(WireClient.PROCESSES + "/0000000000000000deadbeef");
        assertEquals(200, unknown.status());
        assertFalse(unknown.json().get("success").asBoolean());
        assertEquals(10007, unknown.errorCode());
    }

    @Test
    void pathSegmentsArePercentDecodedAndAnEncodedSlashFindsNothing() {
        String claim = expenseClaim();
        assertEquals(claim, wire.get(WireClient.PROCESSES + "/" + encodeAll(claim)).data().get("id").asText());
        assertEquals(10007, wire.get(WireClient.PROCESSES + "/" + claim + "%2Fx").errorCode());
        assertEquals(10007, wire.get(WireClient.PROCESSES + "/" + claim.substring(0, 12) + "%2F"
                + claim.substring(12)).errorCode());
        assertEquals(10007, wire.get(WireClient.PROCESSES + "/%E4%B8").errorCode(), "not UTF-8");
        assertEquals(10007, wire.post("/v3/app/workflow/hooks/" + claim + "%2F", Map.of("amount", 1)).errorCode());

        SeededProcess p = seedTwoSteps("Contract 1");
        String encoded = WireClient.w5(encodeAll(p.process().segment(0)), encodeAll(p.process().segment(1)),
                encodeAll(p.process().segment(2)));
        assertEquals(1, wire.get(encoded).errorCode());
        assertEquals(10007, wire.get(w5(p) + "%2F").errorCode());
        assertEquals(10007, wire.get(WireClient.w5(p.process().segment(0), p.process().segment(1) + "%2Fx",
                p.process().segment(2))).errorCode());
        assertTrue(sandbox.requests().stream().anyMatch(r -> r.path().contains("%2F")), "paths are recorded raw");
    }

    // ------------------------------------------------------------------ W3

    @Test
    void w3ChecksRequiredInputsByNameAndRecordsTheRun() {
        String claim = expenseClaim();
        String hook = "/v3/app/workflow/hooks/" + claim;

        Response missing = wire.post(hook, Map.of("reason", "taxi"));
        assertEquals(200, missing.status());
        assertEquals(10001, missing.errorCode());
        assertTrue(missing.message().contains("amount"), missing.message());
        assertEquals(10001, wire.post(hook, Map.of("amount", "  ")).errorCode(), "blank counts as missing");
        assertEquals(10001, wire.post(hook, "").errorCode(), "an empty body lacks the required input");
        assertEquals(10002, wire.post(hook, Map.of("amount", "a lot")).errorCode(), "not a number");
        assertEquals(10001, wire.post(hook, "[1,2]").errorCode(), "not an object");
        assertEquals(10001, wire.post(hook, "{not json").errorCode());
        assertTrue(sandbox.hookRuns().isEmpty(), "refused calls run nothing");

        Response ok = wire.post(hook, Map.of("amount", 120, "reason", "taxi", "unknownKey", true));
        assertEquals(1, ok.errorCode(), ok.body());
        assertTrue(ok.json().get("success").asBoolean());
        assertTrue(ok.data().isObject());
        assertEquals(0, ok.data().size(), "no outputs defined, and no instance id (UNVERIFIED)");
        assertEquals(1, wire.post(hook, Map.of("amount", "120.50")).errorCode(), "a numeric string is a number");

        List<NocolySandbox.HookRun> runs = sandbox.hookRuns();
        assertEquals(2, runs.size());
        assertEquals(claim, runs.get(0).processId());
        assertTrue(runs.get(0).inputs().contains("\"amount\":120"), runs.get(0).inputs());
        assertEquals(T0, runs.get(0).at());
    }

    @Test
    void w3RefusesUnknownAndNonTriggerableProcesses() {
        Response unknown = wire.post("/v3/app/workflow/hooks/0000000000000000deadbeef", Map.of());
        assertEquals(10007, unknown.errorCode());
        SeededProcess approval = seedTwoSteps("Contract 1");
        assertEquals(10007, wire.post("/v3/app/workflow/hooks/" + approval.definitionId(), Map.of()).errorCode(),
                "a worksheet approval flow is not triggered by W3");
        assertEquals(1, wire.get(WireClient.PROCESSES + "/" + approval.definitionId()).errorCode(),
                "but W2 describes it (UNVERIFIED)");
    }

    @Test
    void w3AnswersEitherShape() {
        String hook = "/v3/app/workflow/hooks/" + expenseClaim();
        Response enveloped = wire.post(hook, Map.of("amount", 1));
        assertEquals(List.of("success", "error_code", "error_msg", "data"), VendorExample.keys(enveloped.json()));

        sandbox.answerHooksWithBareOutputs(true);
        Response bare = wire.post(hook, Map.of("amount", 2));
        assertEquals(200, bare.status());
        assertEquals("{}", bare.body(), "the outputs object alone");
        Response refused = wire.post(hook, Map.of());
        assertEquals(10001, refused.errorCode(), "errors stay enveloped");
        assertEquals(200, wire.get(WireClient.PROCESSES).status());
        assertTrue(wire.get(WireClient.PROCESSES).json().has("data"), "other endpoints are unaffected");

        sandbox.answerHooksWithBareOutputs(false);
        assertEquals(1, wire.post(hook, Map.of("amount", 3)).errorCode());
        assertEquals(3, sandbox.hookRuns().size());
    }

    // ------------------------------------------------------------------ W4

    @Test
    void w4ListsTheRowsExecutionsOldestFirst() {
        SeededProcess p = seedTwoSteps("Contract 1");
        Response r = wire.post(w4(p), Map.of());
        assertEquals(1, r.errorCode(), r.body());
        assertTrue(r.data().isArray(), "data is an array");
        assertEquals(1, r.data().size());
        JsonNode e = r.data().get(0);
        assertEquals(List.of("id", "processId", "processName", "status", "title", "createDate", "completeDate",
                "createAccount", "currentWorkIds"), VendorExample.keys(e));
        assertEquals(p.process().segment(2), e.get("id").asText());
        assertEquals(p.definitionId(), e.get("processId").asText());
        assertEquals("Contract review", e.get("processName").asText());
        assertEquals(1, e.get("status").asInt());
        assertEquals("Contract 1", e.get("title").asText());
        assertEquals("2026-11-23T09:00:00.000Z", e.get("createDate").asText());
        assertTrue(e.get("completeDate").isNull());
        assertEquals("alice", e.at("/createAccount/accountId").asText());
        assertEquals("Alice Chen", e.at("/createAccount/fullName").asText());
        JsonNode detail = wire.get(w5(p)).data();
        assertEquals(detail.get("currentWorkIds"), e.get("currentWorkIds"));

        clock.advance(Duration.ofMinutes(3));
        SeededProcess again = sandbox.seedProcess(p.record(), new ProcessSeed("Contract review", "Contract 1", ALICE,
                List.of(StepPlan.approval("Manager", ApprovalMode.SINGLE, BOB))));
        assertEquals(p.record(), again.record());
        JsonNode both = wire.post(w4(p), Map.of("pageIndex", 1, "pageSize", 50)).data();
        assertEquals(List.of(p.process().segment(2), again.process().segment(2)),
                List.of(both.get(0).get("id").asText(), both.get(1).get("id").asText()), "oldest first");
        JsonNode second = wire.post(w4(p), Map.of("pageIndex", 2, "pageSize", 1)).data();
        assertEquals(1, second.size());
        assertEquals(again.process().segment(2), second.get(0).get("id").asText());
        assertEquals(0, wire.post(w4(p), Map.of("pageIndex", 3, "pageSize", 1)).data().size());
        assertEquals(10002, wire.post(w4(p), Map.of("pageIndex", 0, "pageSize", 1)).errorCode());
        assertEquals(1, wire.post(w4(p), "").errorCode(), "an empty body is accepted");
    }

    @Test
    void w4OfAnUnknownRowIsEmpty() {
        SeededProcess p = seedTwoSteps("Contract 1");
        Response r = wire.post(WireClient.w4(p.record().objectType(), "0000000000000000deadbeef"), Map.of());
        assertEquals(1, r.errorCode());
        assertEquals(0, r.data().size());
        assertEquals(0, wire.post(WireClient.w4(p.record().objectType(), "a%2Fb"), Map.of()).data().size());
        assertEquals(10007, wire.post(WireClient.w4("0000000000000000deadbeef", p.record().recordId()), Map.of())
                .errorCode(), "an unknown worksheet (UNVERIFIED)");
    }

    // ------------------------------------------------------------------ W5

    @Test
    void w5HasTheVendorPagesShapeKeyForKey() {
        SeededProcess p = seedTwoSteps("Contract 1");
        Response r = wire.get(w5(p));
        assertEquals(1, r.errorCode(), r.body());
        JsonNode data = r.data();
        assertEquals(VendorExample.DETAIL_KEYS, VendorExample.keys(data));
        assertEquals(2, data.get("works").size(), "the start node's work and the first approval's");
        for (JsonNode work : data.get("works")) {
            assertEquals(VendorExample.WORK_KEYS, VendorExample.keys(work));
            for (JsonNode item : work.get("workItems")) {
                assertEquals(VendorExample.WORK_ITEM_KEYS, VendorExample.keys(item));
                assertEquals(VendorExample.ACCOUNT_KEYS, VendorExample.keys(item.get("workItemAccount")));
            }
        }
        assertEquals(VendorExample.START_FLOW_NODE_KEYS, VendorExample.keys(data.at("/works/0/flowNode")));
        assertEquals(VendorExample.APPROVAL_FLOW_NODE_KEYS, VendorExample.keys(data.at("/works/1/flowNode")));
        assertEquals(VendorExample.WORK_ITEM_KEYS, VendorExample.keys(data.get("currentWorkItem")));
        assertEquals(VendorExample.ACCOUNT_KEYS, VendorExample.keys(data.get("ownerAccount")));
        assertEquals(VendorExample.ACCOUNT_KEYS, VendorExample.keys(data.get("createAccount")));
    }

    /** Every object of the vendor's example has the same keys, in the same order, where the sandbox has one. */
    @Test
    void w5MatchesTheVendorsExampleWhereverBothHaveAnObject() {
        Optional<JsonNode> page = VendorExample.page();
        SeededProcess p = seedTwoSteps("Contract 1");
        JsonNode mine = wire.get(w5(p)).json();
        List<String> mismatches = new ArrayList<>();
        compare("", page.get(), mine, mismatches);
        assertEquals(List.of(), mismatches);
    }

    private static void compare(String at, JsonNode example, JsonNode mine, List<String> mismatches) {
        if (example.isObject() && mine.isObject()) {
            // The example's maps keyed by data (opinion templates, operation ranges, formula maps) are not shapes.
            if (at.endsWith("/operationUserRange") || at.endsWith("/opinions") || at.endsWith("/formulaMap")) {
                return;
            }
            List<String> exampleKeys = VendorExample.keys(example);
            List<String> myKeys = new ArrayList<>(VendorExample.keys(mine));
            if (at.isEmpty()) {
                myKeys.removeAll(List.of("error_code", "error_msg")); // the envelope's documented extra fields
            }
            if (!exampleKeys.equals(myKeys)) {
                mismatches.add(at + ": example " + exampleKeys + " vs sandbox " + myKeys);
                return;
            }
            exampleKeys.forEach(k -> compare(at + "/" + k, example.get(k), mine.get(k), mismatches));
        } else if (example.isArray() && mine.isArray()) {
            for (int i = 0; i < Math.min(example.size(), mine.size()); i++) {
                compare(at + "/" + i, example.get(i), mine.get(i), mismatches);
            }
        } else if (!example.isNull() && !mine.isNull() && example.getNodeType() != mine.getNodeType()
                && !(example.isObject() || mine.isObject())) {
            mismatches.add(at + ": example " + example.getNodeType() + " vs sandbox " + mine.getNodeType());
        }
    }

    @Test
    void w5ShowsTheStartSubmissionAndTheFirstPendingApproval() {
        SeededProcess p = seedTwoSteps("Contract 1");
        JsonNode d = wire.get(w5(p)).data();
        assertEquals(1, d.get("status").asInt());
        assertEquals("Contract 1", d.get("title").asText());
        assertEquals("Contract review", d.get("processName").asText());
        assertEquals(p.definitionId(), d.get("processId").asText());
        assertTrue(d.get("isApproval").asBoolean());
        assertEquals("2026-11-23T09:00:00.000Z", d.get("createDate").asText());
        assertEquals("alice", d.at("/createAccount/accountId").asText());
        assertEquals("Alice Chen", d.at("/createAccount/fullName").asText());
        assertEquals("Alice Chen", d.at("/createAccount/fullname").asText());
        assertTrue(d.get("companyId").asText().matches("[0-9a-f-]{36}"));
        assertTrue(d.get("currentWork").isNull());
        assertTrue(d.get("recordTitle").isNull());

        JsonNode start = d.at("/works/0");
        assertEquals(p.process().segment(2), start.get("instanceId").asText());
        assertEquals(0, start.at("/flowNode/type").asInt());
        assertTrue(start.get("countersign").isNull());
        assertTrue(start.get("countersignType").isNull());
        JsonNode submitted = start.at("/workItems/0");
        assertEquals(0, submitted.get("type").asInt());
        assertEquals(9, submitted.get("operationType").asInt());
        assertEquals("alice", submitted.at("/workItemAccount/accountId").asText());
        assertTrue(submitted.at("/workItemAccount/isOwner").isNull());
        assertEquals("2026-11-23T09:00:00.000Z", submitted.get("operationTime").asText());
        assertEquals("", submitted.get("opinion").asText());
        assertEquals(start.get("workId"), submitted.get("workId"));
        assertTrue(submitted.get("workItemId").asText().matches(HEX24));

        JsonNode approval = d.at("/works/1");
        assertEquals(4, approval.at("/flowNode/type").asInt());
        assertEquals("Manager", approval.at("/flowNode/name").asText());
        assertFalse(approval.get("countersign").asBoolean());
        assertTrue(approval.get("countersignType").isNull(), "single approver");
        JsonNode pending = approval.at("/workItems/0");
        assertEquals(4, pending.get("type").asInt());
        assertEquals(0, pending.get("operationType").asInt());
        assertTrue(pending.get("operationTime").isNull());
        assertTrue(pending.get("opinion").isNull());
        assertTrue(pending.get("workItemLog").isNull());
        assertEquals("bob", pending.at("/workItemAccount/accountId").asText());
        assertEquals("Bob Li", pending.at("/workItemAccount/fullName").asText());
        assertTrue(pending.get("receiveTime").asText().matches(ISO));
        assertEquals(List.of(approval.get("workId").asText()), texts(d.get("currentWorkIds")));
        assertEquals(pending.get("workItemId"), d.at("/currentWorkItem/workItemId"));
        assertEquals(approval.at("/flowNode/id"), d.at("/flowNode/id"));
        assertEquals(4, d.at("/flowNode/type").asInt());
        assertEquals(List.of(4, 5, 12), ints(d.at("/operationTypeList/0")));
    }

    @Test
    void w5OfUnknownOrMismatchedIdsIs10007() {
        SeededProcess p = seedTwoSteps("Contract 1");
        SeededProcess q = seedTwoSteps("Contract 2");
        String ws = p.process().segment(0);
        assertEquals(10007, wire.get(WireClient.w5(ws, p.process().segment(1), "0000000000000000deadbeef"))
                .errorCode());
        assertEquals(10007, wire.get(WireClient.w5(ws, q.process().segment(1), p.process().segment(2))).errorCode(),
                "the instance is on another row");
        assertEquals(10007, wire.get(WireClient.w5("0000000000000000deadbeef", p.process().segment(1),
                p.process().segment(2))).errorCode());
        assertEquals(10007, wire.get(WireClient.w5(ws, p.process().segment(1), "list")).errorCode(),
                "GET .../approval/list is W5 with approval id 'list'");
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
