package org.openapproval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openapproval.core.domain.ApprovalMode;
import org.openapproval.core.domain.ApprovalProcess;
import org.openapproval.core.domain.Decision;
import org.openapproval.core.domain.DefinitionRef;
import org.openapproval.core.domain.ProcessId;
import org.openapproval.core.domain.RecordRef;
import org.openapproval.core.domain.StepPlan;
import org.openapproval.core.domain.TriggerKind;
import org.openapproval.core.domain.UserRef;
import org.openapproval.core.domain.Verdict;
import org.openapproval.sandbox.kit.Fault;
import org.openapproval.sandbox.kit.ProcessSeed;
import org.openapproval.sandbox.kit.ProviderSandbox;
import org.openapproval.sandbox.kit.Sandboxes;
import org.openapproval.sandbox.kit.SeededProcess;

/** Issue #13, each measured stumble of a new user as a test. */
class FirstHourTest {
    private final ObjectMapper json = new ObjectMapper();
    @TempDir
    Path dir;

    private Path configFor(ProviderSandbox sandbox, Map<String, String> overrides) throws IOException {
        Map<String, String> values = new java.util.LinkedHashMap<>(sandbox.connectionConfig());
        values.putAll(overrides);
        Path file = dir.resolve(sandbox.providerId() + "-" + values.hashCode() + ".properties");
        Files.writeString(file, values.entrySet().stream().map(e -> sandbox.providerId() + "." + e.getKey() + "="
                + e.getValue()).collect(Collectors.joining("\n")), StandardCharsets.UTF_8);
        return file;
    }

    // ------------------------------------------------------------------ rendering

    @Test
    void cjkTextKeepsTableColumnsAlignedByDisplayWidth() {
        Renderer r = new Renderer(new CliEnvironment(Map.of(), Map.of(), Clock.systemUTC()));
        String table = r.table(List.of("NAME", "STATE"), List.of(List.of("合同审批", "OPEN"), List.of("Contract", "OPEN")),
                "none");
        List<String> lines = table.lines().toList();
        assertEquals(DisplayWidth.of(lines.get(1).substring(0, lines.get(1).indexOf("OPEN"))),
                DisplayWidth.of(lines.get(2).substring(0, lines.get(2).indexOf("OPEN"))), table);
        assertEquals(8, DisplayWidth.of("合同审批"));
    }

    @Test
    void longIdsGetAShortDisplayFormThatKeepsTheirDistinguishingTail() {
        String hex = "6b10311da937e243ac0000";
        String nocoly = hex + "01:" + hex + "02:" + hex + "09/" + hex + "0c:" + hex + "0d";
        assertEquals("…000001:…000002:…000009/…00000c:…00000d", IdDisplay.shorten(nocoly));
        assertEquals("65a100000000000000000001", IdDisplay.shorten("65a100000000000000000001"), "24 chars stay whole");
        assertEquals("SalesOrderObj:…000001", IdDisplay.shorten("SalesOrderObj:c5000000000000000000000000000001"));
    }

    @Test
    void timesAreToTheSecondInTheUsersZoneAndUnknownTimesAreADash() {
        Renderer r = new Renderer(new CliEnvironment(Map.of(), Map.of(), Clock.system(ZoneId.of("Asia/Shanghai"))));
        assertEquals("2026-11-03 08:05:09", r.time(Instant.parse("2026-11-03T00:05:09.123456789Z")));
        assertEquals("-", r.time(Optional.empty()));
        UserRef alice = UserRef.of("alice");
        UserRef bob = UserRef.of("bob");
        ApprovalProcess p = ApprovalProcess.open(ProcessId.of("P1"), "in-memory", new DefinitionRef("flow-1", "合同审批"),
                RecordRef.of("Record", "R1"), alice, TriggerKind.MANUAL, Instant.parse("2026-11-03T00:00:00Z"),
                List.of(StepPlan.approval("Manager", ApprovalMode.SINGLE, bob)));
        // a vendor that reports a decision without its time: the tree prints "-", never throws
        ApprovalProcess decided = p.apply(p.pendingTasks().get(0).id(), new Decision(Verdict.APPROVE, bob,
                Optional.of("ok"), Instant.parse("2026-11-03T00:01:00Z"), Optional.empty(), List.of()));
        String tree = r.processTree(decided);
        assertTrue(tree.contains("APPROVED by bob at 2026-11-03 08:01:00"), tree);
        assertFalse(tree.contains(".123"), tree);
        assertTrue(r.json(r.process(decided)).contains("\"completedBy\" : \"bob\""));
    }

    // ------------------------------------------------------------------ CLI fixes

    @Test
    void aMalformedTaskIdIsAnArgumentErrorWithoutAConfigHint() {
        CliRun run = CliRun.of("approve", "a/b/c", "--as", "bob", "-p", "in-memory");
        assertEquals(2, run.exitCode(), run.toString());
        assertFalse(run.err().contains("config"), run.err());
        assertTrue(run.err().contains("ids paste as printed"), run.err());
    }

    @Test
    void returnTargetsWithNoneSaysSoInsteadOfAnEmptyHeader() {
        // the sandbox's sample process: Bob's task is in the first step, nothing before it to return to
        CliRun run = CliRun.of("return-targets", "P1/1:1", "-p", "in-memory");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("has no step to return to"), run.out());
        assertFalse(run.out().contains("STEP"), run.out());
    }

    @Test
    void providersJsonSaysWhyACapabilityIsMissing() throws IOException {
        CliRun run = CliRun.of("providers", "-o", "json");
        JsonNode nocoly = null;
        for (JsonNode p : json.readTree(run.out())) {
            if (p.get("id").asText().equals("nocoly")) {
                nocoly = p;
            }
        }
        assertTrue(nocoly.get("missingCapabilities").get("RETURN").asText().contains("HAP"), run.out());
        assertTrue(nocoly.get("missingCapabilities").get("APPROVE").asText().contains("org-app-key"), run.out());
        assertTrue(CliRun.of("providers").out().contains("RETURN  — HAP has no public API"));
    }

    @Test
    void onlyTheInitiatorMayCancelAndTheRuleIsCheckedBeforeSending() throws IOException {
        CliRun memory = CliRun.of("cancel", "P1", "--as", "bob", "--reason", "not mine", "-p", "in-memory");
        assertEquals(1, memory.exitCode(), memory.toString());
        assertTrue(memory.err().contains("only its initiator alice may withdraw it"), memory.err());
        assertEquals(0, CliRun.of("cancel", "P1", "--as", "alice", "--reason", "mine", "-p", "in-memory").exitCode());

        try (ProviderSandbox fx = Sandboxes.load().forProvider("fxiaoke").orElseThrow().start()) {
            SeededProcess p = fx.seedProcess(Connector.sampleFlow("Contract"));
            Path config = configFor(fx, Map.of());
            long before = fx.requestCount();
            CliRun bob = CliRun.of("cancel", p.process().value(), "--as", "bob", "--reason", "no", "-p", "fxiaoke",
                    "-c", config.toString());
            assertEquals(1, bob.exitCode(), bob.toString());
            CliRun shown = CliRun.of("show", p.process().value(), "-p", "fxiaoke", "-c", config.toString());
            assertTrue(shown.out().contains("IN_PROGRESS"), shown.out());
            assertTrue(fx.requestCount() - before <= 4, "bob's cancel was never sent, only reads");
        }
    }

    @Test
    void theDemoFitsA120ColumnTerminalAndEndsApprovedRejectedAndWithdrawn() {
        CliRun run = CliRun.of("demo");
        assertEquals(0, run.exitCode(), run.toString());
        run.out().lines().forEach(l -> assertTrue(DisplayWidth.of(l) <= 120, "wider than 120: " + l));
        assertTrue(run.out().contains("process P1 "), "the first seeded in-memory process is P1: " + run.out());
        String finals = run.out().substring(run.out().indexOf("final states"));
        for (String provider : List.of("in-memory", "fxiaoke", "nocoly")) {
            for (String state : List.of("APPROVED", "REJECTED")) {
                assertTrue(finals.lines().anyMatch(l -> l.contains(provider) && l.endsWith(state)), provider + " "
                        + state + ": " + finals);
            }
        }
        assertTrue(finals.contains("(returned, resubmitted)") && finals.contains("CANCELLED"), finals);
        assertTrue(run.out().contains("Bob may not withdraw Alice's request"), run.out());
    }

    @Test
    void onlyHttpSandboxesCanBeServed() {
        CliRun run = CliRun.of("sandbox", "serve", "-p", "in-memory");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("only HTTP sandboxes can (fxiaoke, nocoly)"), run.err());
    }

    // ------------------------------------------------------------------ doctor

    @Test
    void doctorPassesEveryStepOnEachSandbox() throws IOException {
        for (String provider : List.of("fxiaoke", "nocoly")) {
            try (ProviderSandbox sandbox = Sandboxes.load().forProvider(provider).orElseThrow().start()) {
                long before = sandbox.requestCount();
                CliRun run = CliRun.of("doctor", "-p", provider, "-c", configFor(sandbox, Map.of()).toString());
                assertEquals(0, run.exitCode(), run.toString());
                for (String step : List.of("config complete", "endpoint reachable", "credentials accepted",
                        "clock skew", "harmless read", "capabilities")) {
                    assertTrue(run.out().lines().anyMatch(l -> l.startsWith("PASS") && l.contains(step)), step + ": "
                            + run);
                }
                assertTrue(run.out().contains("SKIP  TLS                    skipped: loopback http"), run.out());
                assertTrue(sandbox.requestCount() > before);
            }
        }
    }

    @Test
    void doctorFailsEachStepOnItsInjectedFault() throws IOException {
        try (ProviderSandbox fx = Sandboxes.load().forProvider("fxiaoke").orElseThrow().start()) {
            String endpoint = fx.connectionConfig().get("endpoint");
            Path missing = dir.resolve("partial.properties");
            Files.writeString(missing, "fxiaoke.endpoint=" + endpoint + "\n");
            assertFails(CliRun.of("doctor", "-p", "fxiaoke", "-c", missing.toString()), "config complete",
                    "fxiaoke.app-secret");

            assertFails(CliRun.of("doctor", "-p", "fxiaoke", "-c", configFor(fx, Map.of("endpoint",
                    "http://127.0.0.1:1")).toString()), "endpoint reachable", "ConnectException");

            assertFails(CliRun.of("doctor", "-p", "fxiaoke", "-c", configFor(fx, Map.of("endpoint",
                    endpoint.replace("http:", "https:"))).toString()), "TLS", "no TLS session");

            CliRun wrongSecret = CliRun.of("doctor", "-p", "fxiaoke", "-c", configFor(fx, Map.of("app-secret",
                    "wrong-secret-1")).toString());
            assertFails(wrongSecret, "credentials accepted", "vendor code=20006");
            assertFalse(wrongSecret.out().contains("wrong-secret-1"), "secrets are never printed");

            Clock tenMinutesAhead = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10));
            assertFails(CliRun.withClock(tenMinutesAhead, "doctor", "-p", "fxiaoke", "-c", configFor(fx, Map.of())
                    .toString()), "clock skew", "sync this machine's clock");

            fx.injectFault(Fault.onWrites(Fault.Kind.VENDOR_UNAVAILABLE, 1)); // doctor writes nothing: never used
            fx.clearFaults();
        }
        try (ProviderSandbox nocoly = Sandboxes.load().forProvider("nocoly").orElseThrow().start()) {
            Path config = configFor(nocoly, Map.of());
            // the first request (the Date probe) passes; every later one meets an outage
            nocoly.injectFault(Fault.of(Fault.Kind.VENDOR_UNAVAILABLE, 1000));
            CliRun run = CliRun.of("doctor", "-p", "nocoly", "-c", config.toString());
            assertFails(run, "credentials accepted", "");
            assertTrue(run.out().contains("SKIP  harmless read"), run.out());
            nocoly.clearFaults();
            assertFails(CliRun.of("doctor", "-p", "nocoly", "-c", configFor(nocoly, Map.of("sign", "bad-sign-value"))
                    .toString()), "credentials accepted", "hint: check the credential keys");
        }
    }

    @Test
    void doctorReadFailureIsItsOwnStep() throws IOException {
        try (ProviderSandbox fx = Sandboxes.load().forProvider("fxiaoke").orElseThrow().start()) {
            // a record read is the second vendor read: token and absent-process read pass, the listing fails
            fx.injectFault(Fault.of(Fault.Kind.MALFORMED_RESPONSE, 1000));
            CliRun run = CliRun.of("doctor", "-p", "fxiaoke", "-c", configFor(fx, Map.of()).toString());
            assertEquals(3, run.exitCode(), run.toString());
            assertTrue(run.out().lines().anyMatch(l -> l.startsWith("FAIL") || l.startsWith("SKIP  harmless")),
                    run.out());
        }
    }

    private static void assertFails(CliRun run, String step, String detail) {
        assertTrue(run.exitCode() == 2 || run.exitCode() == 3, run.toString());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("FAIL") && l.contains(step) && l.contains(detail)),
                "FAIL " + step + " with '" + detail + "': " + run);
    }
}
