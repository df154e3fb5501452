package org.openapproval.sandbox.fxiaoke;

import org.openapproval.tck.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openapproval.sandbox.fxiaoke.FxiaokeSandbox.RecordedRequest;
import org.openapproval.sandbox.fxiaoke.WireClient.Response;
import org.openapproval.core.domain.ApprovalMode;
import org.openapproval.core.domain.StepPlan;
import org.openapproval.core.domain.UserRef;
import org.openapproval.sandbox.kit.Fault;
import org.openapproval.sandbox.kit.ProcessSeed;
import org.openapproval.sandbox.kit.SeededProcess;

/** Injected faults, forced error codes, request recording and counting. */
class FxiaokeSandboxFaultTest {
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private static final String INSTANCE_GET = "/cgi/crm/approvalInstance/get";
    private static final String ACTION = "/cgi/crm/approvalTask/action";

    private final MutableClock clock = new MutableClock(T0);
    private final List<Duration> slept = new CopyOnWriteArrayList<>();
    private FxiaokeSandbox sandbox;
    private WireClient wire;
    private String token;
    private SeededProcess process;

    @BeforeEach
    void start() {
        sandbox = FxiaokeSandbox.start(clock);
        sandbox.latencySleeper(slept::add); // latency is observed, not waited for
        wire = new WireClient(sandbox);
        token = wire.accessToken();
        process = sandbox.seedProcess(new ProcessSeed("Contract review", "Contract 1", UserRef.of("alice"),
                List.of(StepPlan.approval("Manager", ApprovalMode.SINGLE, UserRef.of("bob")),
                        StepPlan.approval("Finance", ApprovalMode.SINGLE, UserRef.of("carol")))));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private Response read() {
        return wire.call(token, "1000", INSTANCE_GET, Map.of("instanceId", process.process().value()));
    }

    private String firstTaskId() {
        return read().json().at("/instanceDetail/tasks/0/id").asText();
    }

    private String firstTaskState() {
        return read().json().at("/instanceDetail/tasks/0/state").asText();
    }

    private Response approve(String taskId) {
        return wire.call(token, "bob", ACTION, Map.of("taskId", taskId, "actionType", "agree", "opinion", "ok"));
    }

    @Test
    void latencyAnswersNormallyAfterTheDelay() {
        sandbox.injectFault(Fault.latency(Duration.ofMillis(250), 2));
        assertEquals(0, read().code());
        assertEquals(0, read().code());
        assertEquals(0, read().code());
        assertEquals(List.of(Duration.ofMillis(250), Duration.ofMillis(250)), slept);
    }

    @Test
    void realLatencyReallyWaits() {
        FxiaokeSandbox plain = FxiaokeSandbox.start(clock);
        try {
            WireClient client = new WireClient(plain);
            plain.injectFault(Fault.latency(Duration.ofMillis(40), 1));
            long started = System.nanoTime();
            assertEquals(0, client.requestToken().code());
            assertTrue(System.nanoTime() - started >= Duration.ofMillis(40).toNanos());
        } finally {
            plain.close();
        }
    }

    @Test
    void vendorUnavailableOnWritesApplies503AndNothingElse() {
        String task = firstTaskId();
        sandbox.injectFault(Fault.onWrites(Fault.Kind.VENDOR_UNAVAILABLE, 1));
        assertEquals(0, read().code(), "a read is outside the WRITES scope");
        Response failed = approve(task);
        assertEquals(503, failed.status());
        assertNull(failed.json());
        assertEquals("in_progress", firstTaskState(), "nothing applied");
        assertEquals(0, approve(task).code(), "the fault is used up");
        assertEquals("pass", firstTaskState());
    }

    @Test
    void rateLimitedAnswers30004AndAppliesNothing() {
        String task = firstTaskId();
        sandbox.injectFault(Fault.of(Fault.Kind.RATE_LIMITED, 1));
        Response limited = approve(task);
        assertEquals(200, limited.status());
        assertEquals(30004, limited.code());
        assertEquals("in_progress", firstTaskState());
    }

    @Test
    void expiredCredentialsAnswer20016UntilTheClientRefreshes() {
        sandbox.injectFault(Fault.of(Fault.Kind.EXPIRED_CREDENTIALS, 1));
        assertEquals(20016, read().code());
        assertEquals(20016, read().code(), "the old token stays dead");
        token = wire.accessToken();
        assertEquals(0, read().code());
    }

    @Test
    void malformedResponseAppliesWritesAndGarblesTheAnswer() {
        String task = firstTaskId();
        sandbox.injectFault(Fault.onWrites(Fault.Kind.MALFORMED_RESPONSE, 1));
        Response garbled = approve(task);
        assertEquals(200, garbled.status());
        assertNull(garbled.json(), "not JSON: " + garbled.body());
        assertThrows(JsonProcessingException.class, () -> WireClient.JSON.readTree(garbled.body()));
        assertEquals("pass", firstTaskState(), "the write was applied before the answer was lost");

        sandbox.injectFault(Fault.of(Fault.Kind.MALFORMED_RESPONSE, 1));
        assertNull(read().json());
        assertEquals(0, read().code());
    }

    @Test
    void forcedErrorCodesApplyToTheNextRequestsOnly() {
        String task = firstTaskId();
        sandbox.forceErrorCode(50009, "service timeout", 2);
        Response forced = approve(task);
        assertEquals(200, forced.status());
        assertEquals(50009, forced.code());
        assertEquals("service timeout", forced.get("errorMessage").asText());
        assertEquals(50009, wire.requestToken().code(), "token calls too");
        assertEquals("in_progress", firstTaskState(), "nothing applied, and the forced codes are used up");
        assertEquals(0, approve(task).code());
    }

    @Test
    void clearFaultsDropsQueuedFaultsAndForcedCodes() {
        sandbox.injectFault(Fault.of(Fault.Kind.VENDOR_UNAVAILABLE, 3));
        sandbox.forceErrorCode(-1, "system busy", 3);
        sandbox.clearFaults();
        assertEquals(0, read().code());
    }

    @Test
    void stackedFaultsPlayOutInOrder() {
        sandbox.injectFault(Fault.of(Fault.Kind.RATE_LIMITED, 1));
        sandbox.injectFault(Fault.of(Fault.Kind.VENDOR_UNAVAILABLE, 1));
        assertEquals(30004, read().code());
        assertEquals(503, read().status());
        assertEquals(0, read().code());
    }

    @Test
    void everyRequestIsCountedAndRecorded() {
        long before = sandbox.requestCount();
        int recordedBefore = sandbox.requests().size();
        sandbox.injectFault(Fault.of(Fault.Kind.VENDOR_UNAVAILABLE, 1));
        read();
        read();
        assertEquals(before + 2, sandbox.requestCount(), "faulted requests count too");
        List<RecordedRequest> all = sandbox.requests();
        assertEquals(recordedBefore + 2, all.size());
        assertEquals(before, recordedBefore, "requests() and requestCount() agree");

        RecordedRequest tokenCall = all.get(0);
        assertEquals("/oauth2.0/token", tokenCall.path());
        assertTrue(tokenCall.body().contains("\"grantType\":\"app_secret\""));
        RecordedRequest last = all.get(all.size() - 1);
        assertEquals("POST", last.method());
        assertEquals(INSTANCE_GET, last.path());
        assertTrue(last.query().get("thirdTraceId").get(0).matches("[0-9a-f-]{36}"));
        assertEquals("Bearer " + token, last.headers().get("authorization"));
        assertEquals(FxiaokeSandbox.EA, last.headers().get("x-fs-ea"));
        assertEquals("1000", last.headers().get("x-fs-userid"));
        assertTrue(last.headers().keySet().stream().allMatch(k -> k.equals(k.toLowerCase(java.util.Locale.ROOT))));
        assertTrue(last.body().contains(process.process().value()));
    }
}
