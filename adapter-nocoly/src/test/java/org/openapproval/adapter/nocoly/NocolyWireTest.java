package org.openapproval.adapter.nocoly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openapproval.adapter.nocoly.client.OrgSignature;
import org.openapproval.sandbox.nocoly.NocolySandbox;
import org.openapproval.sandbox.nocoly.NocolySandbox.RecordedRequest;
import org.openapproval.core.Approvals;
import org.openapproval.core.domain.ApprovalException;
import org.openapproval.core.domain.ApprovalMode;
import org.openapproval.core.domain.InputParameter;
import org.openapproval.core.domain.OutcomeUnknownException;
import org.openapproval.core.domain.ProcessId;
import org.openapproval.core.domain.RateLimitedException;
import org.openapproval.core.domain.RecordRef;
import org.openapproval.core.domain.StepPlan;
import org.openapproval.core.domain.TaskId;
import org.openapproval.core.domain.TaskState;
import org.openapproval.core.domain.UserRef;
import org.openapproval.core.domain.VendorUnavailableException;
import org.openapproval.core.port.in.ApprovalService;
import org.openapproval.core.port.in.ApproveCommand;
import org.openapproval.core.port.in.RejectCommand;
import org.openapproval.core.port.in.StartCommand;
import org.openapproval.sandbox.kit.DefinitionSeed;
import org.openapproval.sandbox.kit.Fault;
import org.openapproval.sandbox.kit.ProcessSeed;
import org.openapproval.core.spi.ProviderConfig;
import org.openapproval.sandbox.kit.SeededProcess;

/** The adapter on the wire: headers, signed query parameters, escaped paths, errors, writes sent once. */
class NocolyWireTest {
    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private static final UserRef ALICE = UserRef.of("a1b2c3d4-0000-4000-8000-000000000001");
    private static final UserRef BOB = UserRef.of("a1b2c3d4-0000-4000-8000-000000000002");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final ObjectMapper json = new ObjectMapper();
    private NocolySandbox sandbox;
    private ApprovalService service;

    @BeforeEach
    void start() {
        sandbox = NocolySandbox.start(clock);
        service = connect(Map.of());
    }

    @AfterEach
    void stop() {
        service.close();
        sandbox.close();
    }

    private ApprovalService connect(Map<String, String> overrides) {
        NocolyApprovalProvider provider = new NocolyApprovalProvider(clock);
        Map<String, String> config = new HashMap<>(sandbox.connectionConfig());
        config.putAll(overrides);
        return Approvals.connect(provider, ProviderConfig.of(provider.descriptor(), config), clock);
    }

    private SeededProcess seed() {
        return sandbox.seedProcess(new ProcessSeed("Purchase approval", "PO-1", ALICE,
                List.of(StepPlan.approval("Manager", ApprovalMode.SINGLE, BOB))));
    }

    private TaskId bobsTask(SeededProcess p) {
        return service.process(p.process()).orElseThrow().pendingTasks().get(0).id();
    }

    private List<RecordedRequest> requestsStartingWith(String prefix) {
        return sandbox.requests().stream().filter(r -> r.path().startsWith(prefix)).toList();
    }

    @Test
    void v3ReadsCarryTheAppKeyHeadersAndTheDocumentedPath() {
        SeededProcess p = seed();
        service.process(p.process());
        RecordedRequest get = requestsStartingWith("/v3/app/workflow/").get(0);
        assertEquals("GET", get.method());
        ProcessId id = p.process();
        assertEquals("/v3/app/workflow/" + id.segment(0) + "/rows/" + id.segment(1) + "/approval/" + id.segment(2),
                get.path());
        Map<String, String> cfg = sandbox.connectionConfig();
        assertEquals(cfg.get("app-key"), get.headers().get("hap-appkey"));
        assertEquals(cfg.get("sign"), get.headers().get("hap-sign"));
    }

    @Test
    void listingARowsExecutionsPostsToW4() {
        SeededProcess p = seed();
        assertEquals(1, service.processesOf(p.record()).size());
        RecordedRequest list = requestsStartingWith("/v3/app/workflow/").get(0);
        assertEquals("POST", list.method());
        assertEquals("/v3/app/workflow/" + p.record().objectType() + "/rows/" + p.record().recordId()
                + "/approval/list", list.path());
    }

    @Test
    void approvalGoesThroughTheSignedOrganizationBatchActingForTheDecider() throws Exception {
        SeededProcess p = seed();
        TaskId task = bobsTask(p);
        service.approve(ApproveCommand.of(task, BOB, "ok"));
        RecordedRequest batch = requestsStartingWith("/workflow/v1/instance/batch").get(0);
        assertEquals("POST", batch.method());
        Map<String, String> cfg = sandbox.connectionConfig();
        assertEquals(List.of(BOB.id()), batch.query().get("accountId"));
        assertEquals(List.of(cfg.get("org-app-key")), batch.query().get("appKey"));
        String timestamp = batch.query().get("timestamp").get(0);
        assertEquals(String.valueOf(NOW.toEpochMilli()), timestamp);
        assertEquals(OrgSignature.sign(cfg.get("org-app-key"), cfg.get("org-secret-key"), Long.parseLong(timestamp)),
                batch.query().get("sign").get(0));
        assertFalse(batch.headers().containsKey("hap-sign"), "org calls do not carry the app sign");
        JsonNode body = json.readTree(batch.body());
        assertEquals(4, body.get("batchOperationType").asInt());
        assertEquals(p.process().segment(2), body.get("selects").get(0).get("id").asText());
        assertEquals(task.segment(0), body.get("selects").get(0).get("workId").asText());
        assertEquals(TaskState.APPROVED, service.process(p.process()).orElseThrow().task(task).orElseThrow().state());
    }

    @Test
    void rejectionIsBatchOperationFive() throws Exception {
        SeededProcess p = seed();
        service.reject(RejectCommand.of(bobsTask(p), BOB, "no budget"));
        JsonNode body = json.readTree(requestsStartingWith("/workflow/v1/instance/batch").get(0).body());
        assertEquals(5, body.get("batchOperationType").asInt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ws/../../admin", "..", "a%2Fb", "id?x=1", "id#frag", "with space"})
    void idsThatAreNotHapIdsNeverReachAUrl(String evil) {
        long before = sandbox.requestCount();
        assertEquals(Optional.empty(), service.process(ProcessId.of(evil, "row", "inst")));
        assertEquals(List.of(), service.processesOf(RecordRef.of(evil, "row")));
        assertEquals(Optional.empty(), service.definition(evil));
        assertEquals(before, sandbox.requestCount());
    }

    @Test
    void startSendsTheInputsAsAFlatObjectAndAcceptsBothAnswerShapes() throws Exception {
        String definition = sandbox.seedDefinition(new DefinitionSeed("Expense", List.of(
                new InputParameter("amount", "number", true, Optional.empty()))));
        service.start(StartCommand.of(definition, Map.of("amount", "12")));
        RecordedRequest hook = requestsStartingWith("/v3/app/workflow/hooks/").get(0);
        assertEquals("/v3/app/workflow/hooks/" + definition, hook.path());
        assertEquals("12", json.readTree(hook.body()).get("amount").asText());
        sandbox.answerHooksWithBareOutputs(true);
        assertTrue(service.start(StartCommand.of(definition, Map.of("amount", "13"))).process().isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"51, RateLimitedException", "90000, RateLimitedException", "10101, AuthenticationException",
            "10102, AuthenticationException", "10005, PermissionDeniedException", "10001, InvalidRequestException",
            "10002, InvalidRequestException", "99999, VendorUnavailableException"})
    void vendorErrorCodesSurfaceAsTheirFamily(int code, String expected) {
        SeededProcess p = seed();
        sandbox.forceErrorCode(code, "forced by test", 10);
        ApprovalException e = assertThrows(ApprovalException.class, () -> service.processesOf(p.record()));
        assertEquals(expected, e.getClass().getSimpleName());
        assertEquals(Optional.of(String.valueOf(code)), e.vendorCode());
    }

    @Test
    void notFoundIsAnEmptyReadNotAnError() {
        SeededProcess p = seed();
        sandbox.forceErrorCode(10007, "data does not exist", 1);
        assertEquals(Optional.empty(), service.process(p.process()));
    }

    @Test
    void throttledReadsAreRetriedThrottledWritesAreNot() {
        SeededProcess p = seed();
        TaskId task = bobsTask(p);
        sandbox.forceErrorCode(51, "throttled", 2);
        assertTrue(service.process(p.process()).isPresent());
        sandbox.injectFault(Fault.onWrites(Fault.Kind.RATE_LIMITED, 1));
        assertThrows(RateLimitedException.class, () -> service.approve(ApproveCommand.of(task, BOB, "ok")));
        assertEquals(1, requestsStartingWith("/workflow/v1/instance/batch").size());
    }

    @Test
    void aWriteThatTimesOutIsNotSentTwiceAndItsOutcomeIsReportedUnknown() {
        try (ApprovalService impatient = connect(Map.of("read-timeout", "300ms"))) {
            SeededProcess p = seed();
            TaskId task = impatient.process(p.process()).orElseThrow().pendingTasks().get(0).id();
            sandbox.injectFault(new Fault(Fault.Kind.LATENCY, 1, Duration.ofSeconds(2), Fault.Scope.WRITES));
            OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class,
                    () -> impatient.approve(ApproveCommand.of(task, BOB, "ok")));
            assertInstanceOf(org.openapproval.core.domain.VendorTimeoutException.class, e.getCause());
            assertEquals(1, requestsStartingWith("/workflow/v1/instance/batch").size(), "sent once");
        }
    }

    @Test
    void a5xxOnAWriteIsCheckedAndRaisedOnce() {
        SeededProcess p = seed();
        TaskId task = bobsTask(p);
        sandbox.injectFault(Fault.onWrites(Fault.Kind.VENDOR_UNAVAILABLE, 1));
        assertThrows(VendorUnavailableException.class, () -> service.approve(ApproveCommand.of(task, BOB, "ok")));
        assertEquals(1, requestsStartingWith("/workflow/v1/instance/batch").size());
    }

    @Test
    void withoutTheOrganizationKeyDecisionsAreUnsupportedAndSayWhichKeysAreMissing() {
        try (ApprovalService appOnly = connect(Map.of("org-app-key", "", "org-secret-key", "", "org-endpoint", ""))) {
            String why = appOnly.unsupportedReason(org.openapproval.core.port.in.Capability.APPROVE).orElseThrow();
            assertTrue(why.contains("nocoly.org-app-key") && why.contains("nocoly.org-secret-key"), why);
        }
    }
}
