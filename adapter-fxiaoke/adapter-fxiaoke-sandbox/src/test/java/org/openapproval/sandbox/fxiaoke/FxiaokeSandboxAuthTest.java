package org.openapproval.sandbox.fxiaoke;

import org.openapproval.tck.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openapproval.sandbox.fxiaoke.WireClient.Response;
import org.openapproval.core.domain.ApprovalMode;
import org.openapproval.core.domain.StepPlan;
import org.openapproval.core.domain.UserRef;
import org.openapproval.sandbox.kit.Fault;
import org.openapproval.sandbox.kit.ProcessSeed;
import org.openapproval.sandbox.kit.SeededProcess;

/** Tokens, header and body auth, thirdTraceId, routing and the server's lifecycle. */
class FxiaokeSandboxAuthTest {
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private static final String OBJECT_QUERY = "/cgi/crm/object/approvalInstances/query";

    private final MutableClock clock = new MutableClock(T0);
    private FxiaokeSandbox sandbox;
    private WireClient wire;

    @BeforeEach
    void start() {
        sandbox = FxiaokeSandbox.start(clock);
        wire = new WireClient(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private Response readAs(String token, String user) {
        return wire.call(token, user, OBJECT_QUERY, Map.of("dataId", "c5000000000000000000000000000000"));
    }

    // ------------------------------------------------------------------ token lifetime

    @Test
    void tokenIsTheSameFor6600SecondsThenRenewedWhileTheOldOneLivesTo7200() {
        Response first = wire.requestToken();
        assertEquals(0, first.code(), first.body());
        assertEquals(7200, first.get("expiresIn").asLong());
        assertEquals(FxiaokeSandbox.APP_ID, first.get("appId").asText());
        assertEquals(FxiaokeSandbox.EA, first.get("ea").asText());
        assertTrue(first.get("openUserId").asText().startsWith("FSCID_"));
        assertTrue(first.get("traceId").isTextual());
        assertEquals("success", first.get("errorDescription").asText());
        String token1 = first.get("accessToken").asText();

        clock.advance(Duration.ofSeconds(6599));
        Response same = wire.requestToken();
        assertEquals(token1, same.get("accessToken").asText());
        assertEquals(601, same.get("expiresIn").asLong());

        clock.advance(Duration.ofSeconds(1)); // age 6600: a new token
        Response renewed = wire.requestToken();
        String token2 = renewed.get("accessToken").asText();
        assertNotEquals(token1, token2);
        assertEquals(7200, renewed.get("expiresIn").asLong());
        assertEquals(0, readAs(token1, "1000").code(), "old token still valid until 7200 s");

        clock.advance(Duration.ofSeconds(599)); // token1 age 7199
        assertEquals(0, readAs(token1, "1000").code());
        clock.advance(Duration.ofSeconds(1)); // token1 age 7200
        assertEquals(20016, readAs(token1, "1000").code());
        assertEquals(0, readAs(token2, "1000").code());
        assertEquals(3, sandbox.tokenRequestCount());
    }

    @Test
    void legacyCorpAccessTokenFollowsTheSameLifetimeRules() {
        Response first = wire.post("/cgi/corpAccessToken/get/V2", WireClient.legacyTokenBody(), Map.of());
        assertEquals(0, first.code(), first.body());
        assertEquals(FxiaokeSandbox.CORP_ID, first.get("corpId").asText());
        assertEquals(7200, first.get("expiresIn").asLong());
        String token = first.get("corpAccessToken").asText();
        clock.advance(Duration.ofSeconds(100));
        Response again = wire.post("/cgi/corpAccessToken/get/V2", WireClient.legacyTokenBody(), Map.of());
        assertEquals(token, again.get("corpAccessToken").asText());
        assertEquals(7100, again.get("expiresIn").asLong());
        clock.advance(Duration.ofSeconds(6500));
        Response renewed = wire.post("/cgi/corpAccessToken/get/V2", WireClient.legacyTokenBody(), Map.of());
        assertNotEquals(token, renewed.get("corpAccessToken").asText());
    }

    @Test
    void credentialErrorsUseTheDocumentedCodes() {
        assertEquals(10001, tokenCall("appId", null).code());
        assertEquals(10002, tokenCall("appSecret", null).code());
        assertEquals(10012, tokenCall("permanentCode", null).code());
        assertEquals(20006, tokenCall("appId", "FSAID_other").code());
        assertEquals(20006, tokenCall("appSecret", "wrong").code());
        assertEquals(20015, tokenCall("permanentCode", "wrong").code());
        assertEquals(15002, tokenCall("grantType", "client_credentials").code());
        Map<String, Object> legacy = WireClient.legacyTokenBody();
        legacy.put("appSecret", "wrong");
        assertEquals(20006, wire.post("/cgi/corpAccessToken/get/V2", legacy, Map.of()).code());
        Response failed = tokenCall("appId", null);
        assertFalse(failed.json().has("accessToken"));
        assertTrue(failed.get("errorMessage").isTextual());
    }

    private Response tokenCall(String field, String value) {
        Map<String, Object> body = WireClient.tokenBody();
        if (value == null) {
            body.remove(field);
        } else {
            body.put(field, value);
        }
        return wire.post("/oauth2.0/token", body, Map.of());
    }

    @Test
    void tokenEndpointAllowsTenCallsPerMinute() {
        for (int i = 0; i < 10; i++) {
            assertEquals(0, wire.requestToken().code(), "call " + (i + 1));
            clock.advance(Duration.ofSeconds(1));
        }
        assertEquals(14001, wire.requestToken().code());
        clock.advance(Duration.ofSeconds(51)); // the first call left the sliding minute
        assertEquals(0, wire.requestToken().code());
        assertEquals(12, sandbox.tokenRequestCount());
    }

    @Test
    void concurrentTokenCallsAreRefusedWhileOneIsInFlight() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        sandbox.latencySleeper(d -> {
            entered.countDown();
            assertTrue(release.await(10, TimeUnit.SECONDS), "test never released the held call");
        });
        sandbox.injectFault(Fault.latency(Duration.ofSeconds(1), 1));

        CompletableFuture<Response> held = wire.postAsync("/oauth2.0/token", WireClient.tokenBody(), Map.of());
        assertTrue(entered.await(10, TimeUnit.SECONDS), "first token call never arrived");
        Response concurrent = wire.requestToken();
        assertEquals(14001, concurrent.code(), concurrent.body());
        release.countDown();
        Response first = held.get(10, TimeUnit.SECONDS);
        assertEquals(0, first.code(), first.body());
        assertEquals(2, sandbox.tokenRequestCount(), "the refused call is counted");

        Response after = wire.requestToken();
        assertEquals(0, after.code(), "endpoint is free again");
        assertEquals(first.get("accessToken"), after.get("accessToken"));
    }

    // ------------------------------------------------------------------ header auth

    @Test
    void headerAuthErrors() {
        String token = wire.accessToken();
        Response none = wire.post(OBJECT_QUERY, Map.of("dataId", "x"), Map.of());
        assertEquals(20017, none.code());
        assertEquals(200, none.status());
        assertEquals(20016, readAs("forged", "1000").code());
        assertEquals(20016, wire.post(OBJECT_QUERY, Map.of("dataId", "x"),
                Map.of("authorization", "Bearer  " + token, "x-fs-ea", FxiaokeSandbox.EA, "x-fs-userid", "1000"))
                .code(), "exactly one space after Bearer");
        assertEquals(20016, wire.post(OBJECT_QUERY, Map.of("dataId", "x"),
                Map.of("authorization", "Bearer " + token, "x-fs-ea", "other-ea", "x-fs-userid", "1000")).code());
        assertEquals(10010, wire.post(OBJECT_QUERY, Map.of("dataId", "x"),
                Map.of("authorization", "Bearer " + token, "x-fs-ea", FxiaokeSandbox.EA)).code());
        assertEquals(30027, readAs(token, "nobody").code());
        assertEquals(0, readAs(token, "1000").code());
    }

    @Test
    void seededUsersAreKnownEmployees() {
        String token = wire.accessToken();
        assertEquals(30027, readAs(token, "bob").code());
        sandbox.seedProcess(new ProcessSeed("Contract review", "Contract 1", UserRef.of("alice"),
                List.of(StepPlan.approval("Manager", ApprovalMode.SINGLE, UserRef.of("bob")))));
        assertEquals(0, readAs(token, "bob").code());
        assertEquals(0, readAs(token, "alice").code());
    }

    @Test
    void expiredTokensAnswer20016AndARefreshWorks() {
        String token = wire.accessToken();
        sandbox.expireAllTokens();
        assertEquals(20016, readAs(token, "1000").code());
        String fresh = wire.accessToken();
        assertNotEquals(token, fresh);
        assertEquals(0, readAs(fresh, "1000").code());
    }

    // ------------------------------------------------------------------ legacy auth

    @Test
    void legacyAuthTravelsInTheBody() {
        String corpToken = wire.corpAccessToken();
        Map<String, Object> query = Map.of("dataId", "x");
        Response ok = wire.legacyCall(corpToken, "1000", OBJECT_QUERY, query);
        assertEquals(0, ok.code(), ok.body());
        assertTrue(ok.get("instances").isArray());
        assertEquals(20016, wire.legacyCall("forged", "1000", OBJECT_QUERY, query).code());
        assertEquals(30027, wire.legacyCall(corpToken, "nobody", OBJECT_QUERY, query).code());
        assertEquals(20017, wire.post(OBJECT_QUERY, Map.of("dataId", "x", "corpId", FxiaokeSandbox.CORP_ID),
                Map.of()).code(), "corpId without corpAccessToken");
        assertEquals(10010, wire.post(OBJECT_QUERY, Map.of("dataId", "x", "corpAccessToken", corpToken,
                "corpId", FxiaokeSandbox.CORP_ID), Map.of()).code());
        assertEquals(20016, wire.post(OBJECT_QUERY, Map.of("dataId", "x", "corpAccessToken", corpToken,
                "corpId", "FSCID_other", "currentOpenUserId", "1000"), Map.of()).code());

        String accessToken = wire.accessToken();
        assertEquals(20016, wire.legacyCall(accessToken, "1000", OBJECT_QUERY, query).code(),
                "an accessToken is not a corpAccessToken");
        Response mixed = wire.post(OBJECT_QUERY, Map.of("dataId", "x", "corpAccessToken", corpToken,
                "corpId", FxiaokeSandbox.CORP_ID, "currentOpenUserId", "1000"), WireClient.auth(accessToken, "1000"));
        assertEquals(15002, mixed.code(), "both styles in one request");
    }

    // ------------------------------------------------------------------ thirdTraceId

    @Test
    void thirdTraceIdIsRequiredWellFormedAndUnique() {
        String token = wire.accessToken();
        Map<String, String> auth = WireClient.auth(token, "1000");
        Map<String, String> body = Map.of("dataId", "x");
        assertEquals(15002, wire.postWithQuery(OBJECT_QUERY, null, body, auth).code());
        assertEquals(15002, wire.postWithQuery(OBJECT_QUERY, "thirdTraceId=not-a-uuid", body, auth).code());
        assertEquals(15002, wire.postWithQuery(OBJECT_QUERY,
                "thirdTraceId=6ba7b810-9dad-11d1-80b4-00c04fd430c8", body, auth).code(), "a v1 UUID");
        String id = UUID.randomUUID().toString();
        assertEquals(0, wire.postWithQuery(OBJECT_QUERY, "thirdTraceId=" + id, body, auth).code());
        assertEquals(15002, wire.postWithQuery(OBJECT_QUERY, "thirdTraceId=" + id, body, auth).code(), "reused");
        assertEquals(15002, wire.postWithQuery("/oauth2.0/token", null, WireClient.tokenBody(), Map.of()).code(),
                "token calls need one too");
    }

    @Test
    void aRefusedThirdTraceIdAppliesNothing() {
        SeededProcess p = sandbox.seedProcess(new ProcessSeed("Contract review", "Contract 1", UserRef.of("alice"),
                List.of(StepPlan.approval("Manager", ApprovalMode.SINGLE, UserRef.of("bob")))));
        String token = wire.accessToken();
        String taskId = wire.call(token, "1000", "/cgi/crm/approvalInstance/get",
                Map.of("instanceId", p.process().value())).json()
                .at("/instanceDetail/tasks/0/id").asText();
        Response refused = wire.postWithQuery("/cgi/crm/approvalTask/action", null,
                Map.of("taskId", taskId, "actionType", "agree", "opinion", "ok"), WireClient.auth(token, "bob"));
        assertEquals(15002, refused.code());
        assertEquals("in_progress", wire.call(token, "1000", "/cgi/crm/approvalInstance/get",
                Map.of("instanceId", p.process().value())).json().at("/instanceDetail/tasks/0/state").asText());
    }

    // ------------------------------------------------------------------ routing

    @Test
    void unknownPathsAnswer10006AndOtherMethods405() {
        String token = wire.accessToken();
        Response unknown = wire.call(token, "1000", "/cgi/crm/v2/special/approval/task/action", Map.of());
        assertEquals(200, unknown.status());
        assertEquals(10006, unknown.code());
        Response get = wire.send(wire.builder(OBJECT_QUERY, "thirdTraceId=" + UUID.randomUUID()).GET().build());
        assertEquals(405, get.status());
        Response emptyBody = wire.post(OBJECT_QUERY, "", WireClient.auth(token, "1000"));
        assertEquals(12004, emptyBody.code());
        Response notJson = wire.post(OBJECT_QUERY, "{oops", WireClient.auth(token, "1000"));
        assertEquals(15002, notJson.code());
        HttpRequest put = wire.builder("/oauth2.0/token", "thirdTraceId=" + UUID.randomUUID())
                .PUT(HttpRequest.BodyPublishers.ofString("{}")).build();
        assertEquals(405, wire.send(put).status());
    }

    // ------------------------------------------------------------------ lifecycle

    @Test
    void connectionConfigCarriesTheAcceptedCredentials() {
        Map<String, String> config = sandbox.connectionConfig();
        assertEquals(List.of("endpoint", "app-id", "app-secret", "permanent-code", "default-user-id",
                "retry-initial-backoff", "retry-max-backoff"), List.copyOf(config.keySet()));
        assertEquals(sandbox.endpoint().toString(), config.get("endpoint"));
        assertTrue(config.get("app-id").startsWith("FSAID_"));
        assertEquals("1000", config.get("default-user-id"));
        assertEquals("5ms", config.get("retry-initial-backoff"));
        assertEquals("20ms", config.get("retry-max-backoff"));
        assertEquals("fxiaoke", sandbox.providerId());
        Map<String, Object> body = Map.of("appId", config.get("app-id"), "appSecret", config.get("app-secret"),
                "permanentCode", config.get("permanent-code"), "grantType", "app_secret");
        assertEquals(0, wire.post("/oauth2.0/token", body, Map.of()).code());
    }

    @Test
    void bindsLoopbackAndCloseFreesThePort() throws IOException {
        assertEquals("127.0.0.1", sandbox.endpoint().getHost());
        int port = sandbox.endpoint().getPort();
        assertTrue(port > 0);
        assertEquals(0, wire.requestToken().code());
        sandbox.close();
        sandbox.close(); // idempotent
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertEquals(port, again.getLocalPort());
        }
    }
}
