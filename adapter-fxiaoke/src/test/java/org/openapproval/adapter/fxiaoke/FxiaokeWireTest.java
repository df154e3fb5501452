package org.openapproval.adapter.fxiaoke;

import org.openapproval.tck.MutableClock;
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
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openapproval.sandbox.fxiaoke.FxiaokeSandbox;
import org.openapproval.sandbox.fxiaoke.FxiaokeSandbox.RecordedRequest;
import org.openapproval.core.Approvals;
import org.openapproval.core.domain.ApprovalException;
import org.openapproval.core.domain.ApprovalMode;
import org.openapproval.core.domain.ApprovalProcess;
import org.openapproval.core.domain.AuthenticationException;
import org.openapproval.core.domain.OutcomeUnknownException;
import org.openapproval.core.domain.QuotaExhaustedException;
import org.openapproval.core.domain.RateLimitedException;
import org.openapproval.core.domain.StepPlan;
import org.openapproval.core.domain.TaskId;
import org.openapproval.core.domain.TaskState;
import org.openapproval.core.domain.UserRef;
import org.openapproval.core.domain.VendorProtocolException;
import org.openapproval.core.domain.VendorUnavailableException;
import org.openapproval.core.port.in.ApprovalService;
import org.openapproval.core.port.in.ApproveCommand;
import org.openapproval.core.port.in.CancelCommand;
import org.openapproval.core.port.in.ReturnCommand;
import org.openapproval.sandbox.kit.Fault;
import org.openapproval.sandbox.kit.ProcessSeed;
import org.openapproval.core.spi.ProviderConfig;
import org.openapproval.sandbox.kit.SeededProcess;

/** The adapter on the wire: exact requests, tokens, error codes and write safety, against the sandbox. */
class FxiaokeWireTest {
    private static final Pattern UUID_V4 = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    private static final UserRef ALICE = UserRef.of("2001");
    private static final UserRef BOB = UserRef.of("2002");
    private static final UserRef CAROL = UserRef.of("2003");

    private final ObjectMapper json = new ObjectMapper();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
    private FxiaokeSandbox sandbox;
    private ApprovalService service;

    @BeforeEach
    void start() {
        sandbox = FxiaokeSandbox.start(clock);
        service = connect(Map.of());
    }

    @AfterEach
    void stop() {
        service.close();
        sandbox.close();
    }

    private ApprovalService connect(Map<String, String> overrides) {
        FxiaokeApprovalProvider provider = new FxiaokeApprovalProvider(clock, UUID::randomUUID);
        Map<String, String> config = new HashMap<>(sandbox.connectionConfig());
        config.putAll(overrides);
        return Approvals.connect(provider, ProviderConfig.of(provider.descriptor(), config), clock);
    }

    private SeededProcess seed() {
        return sandbox.seedProcess(new ProcessSeed("Contract review", "Contract 1", ALICE,
                List.of(StepPlan.approval("Manager", ApprovalMode.SINGLE, BOB),
                        StepPlan.approval("Finance", ApprovalMode.SINGLE, CAROL))));
    }

    private TaskId pendingTaskOf(SeededProcess p, UserRef user) {
        return service.process(p.process()).orElseThrow().pendingTasks().stream()
                .filter(t -> t.assignee().isSamePersonAs(user)).findFirst().orElseThrow().id();
    }

    private List<RecordedRequest> requestsTo(String path) {
        return sandbox.requests().stream().filter(r -> r.path().equals(path)).toList();
    }

    private JsonNode body(RecordedRequest r) throws Exception {
        return json.readTree(r.body());
    }

    // ------------------------------------------------------------------ exact requests

    @Test
    void everyRequestIsAJsonPostWithAFreshUuidV4ThirdTraceId() {
        SeededProcess p = seed();
        service.process(p.process());
        service.processesOf(p.record());
        Set<String> traceIds = new HashSet<>();
        for (RecordedRequest r : sandbox.requests()) {
            assertEquals("POST", r.method(), r.path());
            List<String> ids = r.query().get("thirdTraceId");
            assertEquals(1, ids.size(), "one thirdTraceId on " + r.path());
            assertTrue(UUID_V4.matcher(ids.get(0)).matches(), ids.get(0));
            assertTrue(traceIds.add(ids.get(0)), "thirdTraceId reused: " + ids.get(0));
            assertTrue(r.headers().getOrDefault("content-type", "").startsWith("application/json"), r.headers().toString());
        }
        assertTrue(sandbox.requests().size() >= 4, "token + get + object query + get");
    }

    @Test
    void theTokenRequestCarriesTheAppCredentialsAndReadsCarryBearerEaAndTheDefaultUser() throws Exception {
        SeededProcess p = seed();
        service.process(p.process());
        JsonNode token = body(requestsTo("/oauth2.0/token").get(0));
        Map<String, String> cfg = sandbox.connectionConfig();
        assertEquals(cfg.get("app-id"), token.get("appId").asText());
        assertEquals(cfg.get("app-secret"), token.get("appSecret").asText());
        assertEquals(cfg.get("permanent-code"), token.get("permanentCode").asText());
        assertEquals("app_secret", token.get("grantType").asText());

        RecordedRequest get = requestsTo("/cgi/crm/approvalInstance/get").get(0);
        assertTrue(get.headers().get("authorization").matches("Bearer \\S+"), get.headers().get("authorization"));
        assertFalse(get.headers().getOrDefault("x-fs-ea", "").isBlank());
        assertEquals("1000", get.headers().get("x-fs-userid"));
        assertEquals(p.process().segment(0), body(get).get("instanceId").asText());
    }

    @Test
    void approveSendsATaskActionAsTheDecidingUser() throws Exception {
        SeededProcess p = seed();
        TaskId task = pendingTaskOf(p, BOB);
        service.approve(ApproveCommand.of(task, BOB, "budget ok"));
        RecordedRequest action = requestsTo("/cgi/crm/approvalTask/action").get(0);
        assertEquals(BOB.id(), action.headers().get("x-fs-userid"));
        JsonNode b = body(action);
        assertEquals(task.segment(0), b.get("taskId").asText());
        assertEquals("agree", b.get("actionType").asText());
        assertEquals("budget ok", b.get("opinion").asText());
        assertEquals(TaskState.APPROVED, service.process(p.process()).orElseThrow().task(task).orElseThrow().state());
    }

    @Test
    void returnAndCancelSendTheDocumentedDataBodies() throws Exception {
        SeededProcess p = seed();
        TaskId bobs = pendingTaskOf(p, BOB);
        service.approve(ApproveCommand.of(bobs, BOB, "ok"));
        TaskId carols = pendingTaskOf(p, CAROL);
        var target = service.returnTargets(carols).get(0).id();
        service.returnTo(ReturnCommand.to(carols, target, CAROL, "need the quote"));
        JsonNode back = body(requestsTo("/cgi/crm/v2/special/approval/rejectToBeforeTask").get(0)).get("data");
        assertEquals(carols.segment(0), back.get("currentTaskId").asText());
        assertEquals(bobs.segment(0), back.get("rejectToTaskId").asText());
        assertEquals("need the quote", back.get("rejectOpinion").asText());

        service.cancel(new CancelCommand(p.process(), ALICE, "withdrawn"));
        RecordedRequest cancel = requestsTo("/cgi/crm/v2/special/approval/instance/cancel").get(0);
        JsonNode data = body(cancel).get("data");
        assertEquals(p.record().objectType(), data.get("entityId").asText());
        assertEquals(p.record().recordId(), data.get("objectId").asText());
        assertEquals("withdrawn", data.get("cancelReason").asText());
        assertEquals(ALICE.id(), cancel.headers().get("x-fs-userid"));
    }

    @Test
    void legacyModePutsTheCorpTokenInTheBodyAndSendsNoAuthHeaders() throws Exception {
        try (ApprovalService legacy = connect(Map.of("auth-mode", "legacy"))) {
            SeededProcess p = seed();
            assertTrue(legacy.process(p.process()).isPresent());
            assertEquals(1, requestsTo("/cgi/corpAccessToken/get/V2").size());
            RecordedRequest get = requestsTo("/cgi/crm/approvalInstance/get").get(0);
            assertFalse(get.headers().containsKey("authorization"));
            assertFalse(get.headers().containsKey("x-fs-userid"));
            JsonNode b = body(get);
            assertFalse(b.path("corpAccessToken").asText().isBlank());
            assertFalse(b.path("corpId").asText().isBlank());
            assertEquals("1000", b.path("currentOpenUserId").asText());
            assertEquals(p.process().segment(0), b.path("instanceId").asText());
        }
    }

    // ------------------------------------------------------------------ tokens

    @Test
    void manyConcurrentFirstCallsCauseOneTokenRequest() throws Exception {
        SeededProcess p = seed();
        int threads = 12;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Optional<ApprovalProcess>>> reads = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            reads.add(pool.submit(() -> {
                go.await();
                return service.process(p.process());
            }));
        }
        go.countDown();
        for (Future<Optional<ApprovalProcess>> f : reads) {
            assertTrue(f.get(30, TimeUnit.SECONDS).isPresent());
        }
        pool.shutdown();
        assertEquals(1, sandbox.tokenRequestCount());
    }

    @Test
    void aTokenHeldForTheVendorsRenewalTimeIsRenewed() {
        SeededProcess p = seed();
        service.process(p.process());
        clock.advance(Duration.ofSeconds(6599));
        service.process(p.process());
        assertEquals(1, sandbox.tokenRequestCount());
        clock.advance(Duration.ofSeconds(2));
        service.process(p.process());
        assertEquals(2, sandbox.tokenRequestCount());
    }

    @Test
    void error20016RefreshesTheTokenAndReplaysTheCallOnce() {
        SeededProcess p = seed();
        service.process(p.process());
        int gets = requestsTo("/cgi/crm/approvalInstance/get").size();
        sandbox.expireAllTokens();
        assertTrue(service.process(p.process()).isPresent());
        assertEquals(2, sandbox.tokenRequestCount());
        assertEquals(gets + 2, requestsTo("/cgi/crm/approvalInstance/get").size(), "refused call + one replay");
    }

    @Test
    void error20016TwiceInARowIsAnAuthenticationFailureAfterExactlyOneReplay() {
        SeededProcess p = seed();
        service.process(p.process());
        int gets = requestsTo("/cgi/crm/approvalInstance/get").size();
        // tokens expire before each of the next three requests: the read, the token refresh, the replay
        sandbox.injectFault(Fault.of(Fault.Kind.EXPIRED_CREDENTIALS, 3));
        AuthenticationException e = assertThrows(AuthenticationException.class, () -> service.process(p.process()));
        assertEquals(Optional.of("20016"), e.vendorCode());
        assertEquals(gets + 2, requestsTo("/cgi/crm/approvalInstance/get").size(), "never more than one replay");
        assertEquals(2, sandbox.tokenRequestCount());
    }

    @Test
    void wrongCredentialsFailWithTheVendorCodeAndNeverShowTheSecret() {
        try (ApprovalService wrong = connect(Map.of("app-secret", "not-the-secret-42"))) {
            AuthenticationException e = assertThrows(AuthenticationException.class, () -> wrong.process(
                    org.openapproval.core.domain.ProcessId.of("x")));
            assertEquals(Optional.of("20006"), e.vendorCode());
            assertTrue(e.traceId().isPresent());
            for (Throwable t = e; t != null; t = t.getCause()) {
                assertFalse(String.valueOf(t.getMessage()).contains("not-the-secret-42"));
            }
        }
    }

    // ------------------------------------------------------------------ error codes and retries

    @ParameterizedTest
    @CsvSource({"14001, RateLimitedException", "30004, RateLimitedException", "30002, QuotaExhaustedException",
            "30003, QuotaExhaustedException", "20006, AuthenticationException", "11013, AuthenticationException",
            "15003, PermissionDeniedException", "20021, PermissionDeniedException", "32000, InvalidRequestException",
            "-1, VendorUnavailableException", "50009, VendorTimeoutException"})
    void vendorErrorCodesSurfaceAsTheirFamilyWithCodeAndTraceId(int code, String expected) {
        SeededProcess p = seed();
        service.process(p.process()); // token fetched first, so forced codes hit the read
        sandbox.forceErrorCode(code, "forced by test", 10);
        ApprovalException e = assertThrows(ApprovalException.class, () -> service.process(p.process()));
        assertEquals(expected, e.getClass().getSimpleName());
        assertEquals(Optional.of(String.valueOf(code)), e.vendorCode());
        assertTrue(e.traceId().isPresent(), "trace id kept");
    }

    @Test
    void throttledReadsAreRetriedWithBackoffUntilTheyPass() {
        SeededProcess p = seed();
        service.process(p.process());
        int before = requestsTo("/cgi/crm/approvalInstance/get").size();
        sandbox.forceErrorCode(30004, "too frequent", 2);
        assertTrue(service.process(p.process()).isPresent());
        assertEquals(before + 3, requestsTo("/cgi/crm/approvalInstance/get").size());
    }

    @Test
    void anExhaustedQuotaIsNotRetried() {
        SeededProcess p = seed();
        service.process(p.process());
        int before = requestsTo("/cgi/crm/approvalInstance/get").size();
        sandbox.forceErrorCode(30002, "daily quota", 5);
        assertThrows(QuotaExhaustedException.class, () -> service.process(p.process()));
        assertEquals(before + 1, requestsTo("/cgi/crm/approvalInstance/get").size());
    }

    @Test
    void aMalformedReadAnswerIsAProtocolError() {
        SeededProcess p = seed();
        service.process(p.process());
        sandbox.injectFault(Fault.of(Fault.Kind.MALFORMED_RESPONSE, 1));
        assertThrows(VendorProtocolException.class, () -> service.process(p.process()));
    }

    @Test
    void persistentOutagesEndAfterTheConfiguredAttempts() {
        SeededProcess p = seed();
        service.process(p.process());
        int before = requestsTo("/cgi/crm/approvalInstance/get").size();
        sandbox.injectFault(Fault.of(Fault.Kind.VENDOR_UNAVAILABLE, 50));
        assertThrows(VendorUnavailableException.class, () -> service.process(p.process()));
        assertEquals(before + 4, requestsTo("/cgi/crm/approvalInstance/get").size(), "retry-max-attempts=4");
    }

    // ------------------------------------------------------------------ writes are sent once

    @Test
    void aThrottledWriteIsRaisedNotRepeated() {
        SeededProcess p = seed();
        TaskId task = pendingTaskOf(p, BOB);
        sandbox.injectFault(Fault.onWrites(Fault.Kind.RATE_LIMITED, 1));
        RateLimitedException e = assertThrows(RateLimitedException.class,
                () -> service.approve(ApproveCommand.of(task, BOB, "ok")));
        assertEquals(Optional.of("30004"), e.vendorCode());
        assertEquals(1, requestsTo("/cgi/crm/approvalTask/action").size());
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
            assertEquals(1, requestsTo("/cgi/crm/approvalTask/action").size(), "the write went out once");
        }
    }

    @Test
    void aWriteRefusedWithHttp5xxIsCheckedAndRaisedOnce() {
        SeededProcess p = seed();
        TaskId task = pendingTaskOf(p, BOB);
        sandbox.injectFault(Fault.onWrites(Fault.Kind.VENDOR_UNAVAILABLE, 1));
        assertThrows(VendorUnavailableException.class, () -> service.approve(ApproveCommand.of(task, BOB, "ok")));
        assertEquals(1, requestsTo("/cgi/crm/approvalTask/action").size());
        assertEquals(TaskState.PENDING, service.process(p.process()).orElseThrow().task(task).orElseThrow().state());
    }
}
