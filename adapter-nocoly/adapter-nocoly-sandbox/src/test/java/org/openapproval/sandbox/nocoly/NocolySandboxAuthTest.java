package org.openapproval.sandbox.nocoly;

import org.openapproval.tck.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openapproval.sandbox.nocoly.WireClient.Response;
import org.openapproval.core.domain.ApprovalMode;
import org.openapproval.core.domain.StepPlan;
import org.openapproval.core.domain.UserRef;
import org.openapproval.sandbox.kit.Fault;
import org.openapproval.sandbox.kit.ProcessSeed;

/** The org signature, V3 header auth, org query auth, routing and the server's lifecycle. */
class NocolySandboxAuthTest {
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    // The fact sheet's worked example (§1.3).
    private static final String EXAMPLE_STRING = "AppKey=ak_demo&SecretKey=sk_demo&Timestamp=1700000000000";
    private static final String EXAMPLE_SHA256 = "bfdd1a3606b8bb5d21072e41cc8d4c4e70d201c4aba0dba657b96ae68f927d83";
    private static final String EXAMPLE_SIGN =
            "YmZkZDFhMzYwNmI4YmI1ZDIxMDcyZTQxY2M4ZDRjNGU3MGQyMDFjNGFiYTBkYmE2NTdiOTZhZTY4ZjkyN2Q4Mw==";
    private static final String EXAMPLE_WRONG_VARIANT = "v90aNga4u10hBy5BzI1MTnDSAcSroNumV7lq5o+SfYM=";

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

    private Map<String, Object> todoBody() {
        return Map.of("type", 4, "pageIndex", 1, "pageSize", 20);
    }

    // ------------------------------------------------------------------ org signature

    @Test
    void orgSignatureReproducesTheWorkedExample() throws Exception {
        String hex = java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(EXAMPLE_STRING.getBytes(StandardCharsets.UTF_8)));
        assertEquals(EXAMPLE_SHA256, hex, "the worked example's digest");
        assertEquals(EXAMPLE_SIGN, OrgSignature.sign("ak_demo", "sk_demo", "1700000000000"));
        assertEquals(EXAMPLE_SIGN, WireClient.sign("ak_demo", "sk_demo", "1700000000000"), "the test's own signer");
        assertEquals(EXAMPLE_SHA256, new String(Base64.getDecoder().decode(EXAMPLE_SIGN), StandardCharsets.UTF_8));
    }

    @Test
    void orgVerifierAcceptsTheExampleAndRejectsItsVariants() {
        assertTrue(OrgSignature.matches(EXAMPLE_SIGN, "ak_demo", "sk_demo", "1700000000000"));
        assertFalse(OrgSignature.matches(EXAMPLE_WRONG_VARIANT, "ak_demo", "sk_demo", "1700000000000"),
                "Base64 of the raw digest is the documented wrong variant");
        assertFalse(OrgSignature.matches(EXAMPLE_SIGN, "ak_demo", "sk_demo", "1700000000001"), "other timestamp");
        assertFalse(OrgSignature.matches(EXAMPLE_SIGN, "ak_demo", "sk_other", "1700000000000"), "other secret");
        assertFalse(OrgSignature.matches(EXAMPLE_SIGN.toLowerCase(), "ak_demo", "sk_demo", "1700000000000"));
        assertFalse(OrgSignature.matches(null, "ak_demo", "sk_demo", "1700000000000"));
    }

    // ------------------------------------------------------------------ connection config

    @Test
    void connectionConfigHasExactlyTheAdaptersKeys() {
        Map<String, String> config = sandbox.connectionConfig();
        assertEquals(List.of("endpoint", "app-key", "sign", "org-endpoint", "org-app-key", "org-secret-key",
                "retry-initial-backoff", "retry-max-backoff"), List.copyOf(config.keySet()));
        assertEquals(sandbox.endpoint().toString(), config.get("endpoint"));
        assertEquals(sandbox.endpoint().toString(), config.get("org-endpoint"));
        assertTrue(config.get("endpoint").matches("http://127\\.0\\.0\\.1:\\d+"), config.get("endpoint"));
        assertEquals("5ms", config.get("retry-initial-backoff"));
        assertEquals("20ms", config.get("retry-max-backoff"));
        assertEquals("nocoly", sandbox.providerId());

        String sign = config.get("sign");
        assertEquals(88, sign.length(), sign);
        String decoded = new String(Base64.getDecoder().decode(sign), StandardCharsets.UTF_8);
        assertTrue(decoded.matches("[0-9a-f]{64}"), "the sign encodes 64 lower hex digits like the docs' sample");

        NocolySandbox other = NocolySandbox.start(clock);
        try {
            Map<String, String> again = new LinkedHashMap<>(other.connectionConfig());
            again.remove("endpoint");
            again.remove("org-endpoint");
            Map<String, String> mine = new LinkedHashMap<>(config);
            mine.remove("endpoint");
            mine.remove("org-endpoint");
            assertEquals(mine, again, "credentials are fixed strings");
        } finally {
            other.close();
        }
    }

    // ------------------------------------------------------------------ V3 header auth

    @Test
    void v3HeaderAuthErrorsUseTheDocumentedCodes() {
        String path = WireClient.PROCESSES;
        Response noKey = wire.v3("GET", path, null, Map.of("HAP-Sign", NocolySandbox.APP_SIGN));
        assertEquals(200, noKey.status(), "UNVERIFIED choice: auth errors are HTTP 200 with the envelope");
        assertFalse(noKey.json().get("success").asBoolean());
        assertEquals(10101, noKey.errorCode());
        assertTrue(noKey.json().get("data").isNull());
        assertFalse(noKey.message().isBlank());

        assertEquals(10101, wire.v3("GET", path, null,
                Map.of("HAP-Appkey", "0000000000000000", "HAP-Sign", NocolySandbox.APP_SIGN)).errorCode());
        assertEquals(10102, wire.v3("GET", path, null, Map.of("HAP-Appkey", NocolySandbox.APP_KEY)).errorCode());
        String otherSign = OrgSignature.base64OfHex("something else");
        assertEquals(10102, wire.v3("GET", path, null,
                Map.of("HAP-Appkey", NocolySandbox.APP_KEY, "HAP-Sign", otherSign)).errorCode());
        // An org-style signature computed per request is not the app's displayed Sign.
        String orgStyle = WireClient.sign(NocolySandbox.APP_KEY, NocolySandbox.ORG_SECRET_KEY,
                Long.toString(clock.millis()));
        assertEquals(10102, wire.v3("GET", path, null,
                Map.of("HAP-Appkey", NocolySandbox.APP_KEY, "HAP-Sign", orgStyle)).errorCode());
        // Org credentials do not open the V3 API.
        assertEquals(10101, wire.v3("GET", path, null,
                Map.of("HAP-Appkey", NocolySandbox.ORG_APP_KEY, "HAP-Sign", NocolySandbox.APP_SIGN)).errorCode());
    }

    @Test
    void v3HeaderNamesAreCaseInsensitive() {
        for (String[] names : List.of(new String[] {"HAP-Appkey", "HAP-Sign"}, new String[] {"HAP-AppKey", "HAP-Sign"},
                new String[] {"hap-appkey", "hap-sign"}, new String[] {"HAP-APPKEY", "HAP-SIGN"})) {
            Response r = wire.v3("GET", WireClient.PROCESSES, null,
                    Map.of(names[0], NocolySandbox.APP_KEY, names[1], NocolySandbox.APP_SIGN));
            assertEquals(1, r.errorCode(), String.join("/", names) + ": " + r.body());
            assertTrue(r.json().get("success").asBoolean());
        }
    }

    // ------------------------------------------------------------------ org query auth

    private Response todoWith(String rawQuery) {
        return wire.orgWithQuery(WireClient.TODO, rawQuery, todoBody());
    }

    @Test
    void orgCallsSignedWithTheOrgKeyAreAccepted() {
        Response ok = wire.org(WireClient.TODO, "bob", todoBody());
        assertEquals(200, ok.status());
        assertEquals(1, ok.orgStatus(), ok.body());
        assertEquals("成功", ok.json().get("msg").asText());
        assertTrue(ok.data().isArray());
    }

    @Test
    void orgRefusesAWrongSignAnUnknownKeyAndMissingParameters() {
        long now = clock.millis();
        Map<String, String> q = new LinkedHashMap<>();
        q.put("appKey", NocolySandbox.ORG_APP_KEY);
        q.put("sign", WireClient.sign(NocolySandbox.ORG_APP_KEY, "not-the-secret", Long.toString(now)));
        q.put("timestamp", Long.toString(now));
        q.put("accountId", "bob");
        Response badSign = todoWith(WireClient.query(q));
        assertEquals(200, badSign.status());
        assertEquals(0, badSign.orgStatus());
        assertEquals(10102, badSign.orgCode());
        assertFalse(badSign.message().isBlank());

        // Base64 of the raw digest (the documented wrong variant) is refused too.
        byte[] raw;
        try {
            raw = MessageDigest.getInstance("SHA-256").digest(("AppKey=" + NocolySandbox.ORG_APP_KEY + "&SecretKey="
                    + NocolySandbox.ORG_SECRET_KEY + "&Timestamp=" + now).getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        q.put("sign", Base64.getEncoder().encodeToString(raw));
        assertEquals(10102, todoWith(WireClient.query(q)).orgCode());

        assertEquals(10101, todoWith(WireClient.orgQuery("ffffffffffffffff", NocolySandbox.ORG_SECRET_KEY, now, "bob"))
                .orgCode(), "unknown appKey");
        assertEquals(10101, todoWith(WireClient.orgQuery(NocolySandbox.APP_KEY, NocolySandbox.ORG_SECRET_KEY, now,
                "bob")).orgCode(), "the app key is not an org key");

        String signed = WireClient.orgQuery(NocolySandbox.ORG_APP_KEY, NocolySandbox.ORG_SECRET_KEY, now, null);
        Response noAccount = todoWith(signed);
        assertEquals(0, noAccount.orgStatus());
        assertEquals(10001, noAccount.orgCode());
        assertTrue(noAccount.message().contains("accountId"), noAccount.message());
        assertEquals(10001, todoWith("appKey=" + NocolySandbox.ORG_APP_KEY + "&accountId=bob").orgCode());

        q.put("sign", WireClient.sign(NocolySandbox.ORG_APP_KEY, NocolySandbox.ORG_SECRET_KEY, "soon"));
        q.put("timestamp", "soon");
        assertEquals(10002, todoWith(WireClient.query(q)).orgCode(), "a non-numeric timestamp");
    }

    @Test
    void orgRefusesTimestampsOutsideFiveMinutesOfTheSandboxClock() {
        long signedAt = clock.millis();
        String query = WireClient.orgQuery(NocolySandbox.ORG_APP_KEY, NocolySandbox.ORG_SECRET_KEY, signedAt, "bob");
        clock.advance(Duration.ofMinutes(5));
        assertEquals(1, todoWith(query).orgStatus(), "five minutes old is still inside the window");
        clock.advance(Duration.ofSeconds(1));
        Response stale = todoWith(query);
        assertEquals(0, stale.orgStatus());
        assertEquals(10102, stale.orgCode());
        assertTrue(stale.message().contains("timestamp"), stale.message());

        long future = clock.millis() + Duration.ofMinutes(6).toMillis();
        assertEquals(10102, todoWith(WireClient.orgQuery(NocolySandbox.ORG_APP_KEY, NocolySandbox.ORG_SECRET_KEY,
                future, "bob")).orgCode(), "a timestamp from the future");
        assertEquals(1, wire.org(WireClient.TODO, "bob", todoBody()).orgStatus(), "a fresh signature works");
    }

    @Test
    void v3CredentialsDoNotOpenTheOrgApi() {
        Response r = wire.send(wire.builder(WireClient.TODO + "?accountId=bob")
                .header("HAP-Appkey", NocolySandbox.APP_KEY).header("HAP-Sign", NocolySandbox.APP_SIGN)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"type\":4}")).build());
        assertEquals(0, r.orgStatus());
        assertEquals(10001, r.orgCode());
    }

    // ------------------------------------------------------------------ routing

    @Test
    void unknownPathsAnswer404AndWrongMethods405() {
        Response unknown = wire.get("/v3/app/worksheets");
        assertEquals(404, unknown.status());
        assertNull(unknown.json());
        assertEquals(404, wire.get("/v3/app/workflow/processes/a/b").status());
        assertEquals(404, wire.post("/workflow/v1/instance/pass", Map.of()).status());

        Response wrong = wire.post(WireClient.PROCESSES, Map.of());
        assertEquals(405, wrong.status());
        assertEquals(405, wire.get("/v3/app/workflow/hooks/0123456789abcdef01234567").status());
        assertEquals(405, wire.v3("DELETE", WireClient.w5("a", "b", "c"), null, WireClient.appAuth()).status());
        Response getBatch = wire.get(WireClient.BATCH);
        assertEquals(405, getBatch.status());
    }

    @Test
    void aWrongMethodUsesUpNoFault() {
        sandbox.injectFault(Fault.of(Fault.Kind.RATE_LIMITED, 1));
        assertEquals(405, wire.post(WireClient.PROCESSES, Map.of()).status());
        assertEquals(404, wire.get("/nowhere").status());
        assertEquals(51, wire.get(WireClient.PROCESSES).errorCode(), "the fault waited for a routed request");
    }

    // ------------------------------------------------------------------ lifecycle

    @Test
    void closeFreesThePortAndIsIdempotent() throws IOException {
        sandbox.seedProcess(new ProcessSeed("Contract review", "Contract 1", UserRef.of("alice"),
                List.of(StepPlan.approval("Manager", ApprovalMode.SINGLE, UserRef.of("bob")))));
        int port = sandbox.endpoint().getPort();
        assertEquals(1, wire.get(WireClient.PROCESSES).errorCode());
        sandbox.close();
        sandbox.close();
        assertThrows(UncheckedIOException.class, () -> wire.get(WireClient.PROCESSES), "nobody listens any more");
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertEquals(port, again.getLocalPort());
        }
    }

    @Test
    void twoSandboxesListenOnDifferentPorts() {
        NocolySandbox other = NocolySandbox.start(clock);
        try {
            assertNotEquals(sandbox.endpoint(), other.endpoint());
        } finally {
            other.close();
        }
    }
}
