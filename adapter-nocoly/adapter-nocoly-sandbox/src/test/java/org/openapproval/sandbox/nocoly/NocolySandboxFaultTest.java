package org.openapproval.sandbox.nocoly;

import org.openapproval.tck.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openapproval.sandbox.nocoly.NocolySandboxWorkflowTest.map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openapproval.sandbox.nocoly.NocolySandbox.RecordedRequest;
import org.openapproval.sandbox.nocoly.WireClient.Response;
import org.openapproval.core.domain.ApprovalMode;
import org.openapproval.core.domain.InputParameter;
import org.openapproval.core.domain.StepPlan;
import org.openapproval.core.domain.UserRef;
import org.openapproval.sandbox.kit.DefinitionSeed;
import org.openapproval.sandbox.kit.Fault;
import org.openapproval.sandbox.kit.ProcessSeed;
import org.openapproval.sandbox.kit.SeededProcess;

/** Injected faults, forced error codes, request recording and counting. */
class NocolySandboxFaultTest {
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final List<Duration> slept = new CopyOnWriteArrayList<>();
    private NocolySandbox sandbox;
    private WireClient wire;
    private SeededProcess process;
    private String hook;

    @BeforeEach
    void start() {
        sandbox = NocolySandbox.start(clock);
        sandbox.latencySleeper(slept::add); // latency is observed, not waited for
        wire = new WireClient(sandbox, clock);
        process = sandbox.seedProcess(new ProcessSeed("Contract review", "Contract 1", UserRef.of("alice"),
                List.of(StepPlan.approval("Manager", ApprovalMode.SINGLE, UserRef.of("bob")),
                        StepPlan.approval("Finance", ApprovalMode.SINGLE, UserRef.of("carol")))));
        hook = "/v3/app/workflow/hooks/" + sandbox.seedDefinition(new DefinitionSeed("Expense claim",
                List.of(new InputParameter("amount", "number", true, Optional.empty()))));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private Response read() {
        return wire.get(WireClient.w5(process.process().segment(0), process.process().segment(1),
                process.process().segment(2)));
    }

    private JsonNode bobsItem() {
        Response r = read();
        assertEquals(1, r.errorCode(), r.body());
        return r.data().at("/works/1/workItems/0");
    }

    private int bobsOperation() {
        return bobsItem().get("operationType").asInt();
    }

    private String bobsWork() {
        return bobsItem().get("workId").asText();
    }

    private Response approve(String workId) {
        return wire.org(WireClient.BATCH, "bob", map("batchOperationType", 4, "selects",
                List.of(map("id", process.process().segment(2), "workId", workId))));
    }

    private Response todo() {
        return wire.org(WireClient.TODO, "bob", map("type", 4, "pageIndex", 1, "pageSize", 20));
    }

    private Response trigger() {
        return wire.post(hook, map("amount", 5));
    }

    @Test
    void latencyAnswersNormallyAfterTheDelay() {
        sandbox.injectFault(Fault.latency(Duration.ofMillis(250), 2));
        assertEquals(1, read().errorCode());
        assertEquals(1, todo().orgStatus());
        assertEquals(1, read().errorCode());
        assertEquals(List.of(Duration.ofMillis(250), Duration.ofMillis(250)), slept);
    }

    @Test
    void realLatencyReallyWaits() {
        NocolySandbox plain = NocolySandbox.start(clock);
        try {
            WireClient client = new WireClient(plain, clock);
            plain.injectFault(Fault.latency(Duration.ofMillis(40), 1));
            long started = System.nanoTime();
            assertEquals(1, client.get(WireClient.PROCESSES).errorCode());
            assertTrue(System.nanoTime() - started >= Duration.ofMillis(40).toNanos());
        } finally {
            plain.close();
        }
    }

    @Test
    void vendorUnavailableOnWritesAnswers503AndAppliesNothing() {
        String work = bobsWork();
        sandbox.injectFault(Fault.onWrites(Fault.Kind.VENDOR_UNAVAILABLE, 2));
        assertEquals(1, read().errorCode(), "W5 is outside the WRITES scope");
        assertEquals(1, todo().orgStatus(), "so is the to-do list");
        Response failed = approve(work);
        assertEquals(503, failed.status());
        assertNull(failed.json());
        assertEquals(0, bobsOperation(), "nothing applied");
        assertEquals(503, trigger().status(), "W3 is a write");
        assertTrue(sandbox.hookRuns().isEmpty());
        assertEquals(1, approve(work).orgStatus(), "the fault is used up");
        assertEquals(1, bobsOperation());
    }

    @Test
    void rateLimitedAnswersCode51AndAppliesNothing() {
        String work = bobsWork();
        sandbox.injectFault(Fault.of(Fault.Kind.RATE_LIMITED, 2));
        Response limited = read();
        assertEquals(200, limited.status());
        assertEquals(51, limited.errorCode());
        Response orgLimited = approve(work);
        assertEquals(200, orgLimited.status());
        assertEquals(0, orgLimited.orgStatus());
        assertEquals(51, orgLimited.orgCode());
        assertEquals(0, bobsOperation());
    }

    @Test
    void expiredCredentialsRefuseTheNextRequestLikeWrongCredentials() {
        String work = bobsWork();
        sandbox.injectFault(Fault.of(Fault.Kind.EXPIRED_CREDENTIALS, 2));
        Response v3 = read();
        assertEquals(200, v3.status());
        assertEquals(10102, v3.errorCode());
        Response org = approve(work);
        assertEquals(10102, org.orgCode());
        assertEquals(0, bobsOperation(), "nothing applied, and the same credentials work again");
    }

    @Test
    void malformedResponseAppliesWritesAndGarblesTheAnswer() {
        String work = bobsWork();
        sandbox.injectFault(Fault.onWrites(Fault.Kind.MALFORMED_RESPONSE, 2));
        Response garbled = approve(work);
        assertEquals(200, garbled.status());
        assertNull(garbled.json(), "not JSON: " + garbled.body());
        assertThrows(JsonProcessingException.class, () -> WireClient.JSON.readTree(garbled.body()));
        assertEquals(1, bobsOperation(), "the write was applied before the answer was lost");

        Response lostTrigger = trigger();
        assertNull(lostTrigger.json());
        assertEquals(1, sandbox.hookRuns().size(), "the hook ran");

        sandbox.injectFault(Fault.of(Fault.Kind.MALFORMED_RESPONSE, 1));
        assertNull(read().json());
        assertEquals(1, read().errorCode());
    }

    @Test
    void forcedErrorCodesApplyToTheNextRequestsOfEitherFamily() {
        String work = bobsWork();
        sandbox.forceErrorCode(99999, "data operation exception", 3);
        Response v3 = read();
        assertEquals(200, v3.status());
        assertEquals(99999, v3.errorCode());
        assertEquals("data operation exception", v3.message());
        assertEquals(false, v3.json().get("success").asBoolean());
        Response org = approve(work);
        assertEquals(0, org.orgStatus());
        assertEquals(99999, org.orgCode());
        assertEquals("data operation exception", org.message());
        assertEquals(99999, trigger().errorCode());
        assertTrue(sandbox.hookRuns().isEmpty());
        assertEquals(0, bobsOperation(), "nothing applied, and the forced codes are used up");
        assertEquals(1, approve(work).orgStatus());
    }

    @Test
    void clearFaultsDropsQueuedFaultsAndForcedCodes() {
        sandbox.injectFault(Fault.of(Fault.Kind.VENDOR_UNAVAILABLE, 3));
        sandbox.forceErrorCode(0, "failure", 3);
        sandbox.clearFaults();
        assertEquals(1, read().errorCode());
    }

    @Test
    void stackedFaultsPlayOutInOrder() {
        sandbox.injectFault(Fault.of(Fault.Kind.RATE_LIMITED, 1));
        sandbox.injectFault(Fault.of(Fault.Kind.VENDOR_UNAVAILABLE, 1));
        assertEquals(51, read().errorCode());
        assertEquals(503, read().status());
        assertEquals(1, read().errorCode());
    }

    @Test
    void writeScopedFaultsWaitForAWrite() {
        sandbox.injectFault(Fault.onWrites(Fault.Kind.RATE_LIMITED, 1));
        assertEquals(1, read().errorCode());
        assertEquals(1, todo().orgStatus());
        assertEquals(1, wire.get(WireClient.PROCESSES).errorCode());
        assertEquals(51, trigger().errorCode());
        assertEquals(1, trigger().errorCode());
    }

    @Test
    void everyRequestIsCountedAndRecorded() {
        assertEquals(0, sandbox.requestCount(), "seeding is not a request");
        String work = bobsWork();
        sandbox.injectFault(Fault.of(Fault.Kind.VENDOR_UNAVAILABLE, 1));
        read();
        wire.get("/nowhere");
        approve(work);
        assertEquals(4, sandbox.requestCount(), "faulted and unknown requests count too");
        List<RecordedRequest> all = sandbox.requests();
        assertEquals(4, all.size());

        RecordedRequest w5 = all.get(0);
        assertEquals("GET", w5.method());
        assertTrue(w5.path().startsWith("/v3/app/workflow/" + process.process().segment(0) + "/rows/"));
        assertEquals(NocolySandbox.APP_KEY, w5.headers().get("hap-appkey"));
        assertEquals(NocolySandbox.APP_SIGN, w5.headers().get("hap-sign"));
        assertTrue(w5.headers().keySet().stream().allMatch(k -> k.equals(k.toLowerCase(Locale.ROOT))));
        assertEquals("", w5.body());
        assertEquals("/nowhere", all.get(2).path());

        RecordedRequest batch = all.get(3);
        assertEquals("POST", batch.method());
        assertEquals(WireClient.BATCH, batch.path());
        assertEquals(List.of(NocolySandbox.ORG_APP_KEY), batch.query().get("appKey"));
        assertEquals(List.of("bob"), batch.query().get("accountId"));
        assertEquals(List.of(Long.toString(T0.toEpochMilli())), batch.query().get("timestamp"));
        assertTrue(batch.query().get("sign").get(0).endsWith("=="), "decoded query values");
        assertTrue(batch.body().contains("\"batchOperationType\":4"), batch.body());
        assertThrows(UnsupportedOperationException.class, () -> sandbox.requests().clear());
    }
}
