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
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openapproval.core.domain.ApprovalMode;
import org.openapproval.core.domain.StepPlan;
import org.openapproval.core.domain.UserRef;
import org.openapproval.sandbox.kit.ProcessSeed;
import org.openapproval.core.bootstrap.ProviderRegistry;
import org.openapproval.sandbox.kit.ProviderSandbox;
import org.openapproval.sandbox.kit.SeededProcess;

/**
 * Every command in-process against the Fxiaoke sandbox (started here through the SPI, so ids persist across
 * commands), plus the in-memory and Nocoly sandboxes for the rest: output formats, exit codes, errors.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApprovalCliTest {
    private static final UserRef ALICE = UserRef.of("alice");
    private static final UserRef BOB = UserRef.of("bob");
    private static final UserRef CAROL = UserRef.of("carol");
    private final ObjectMapper json = new ObjectMapper();
    private ProviderSandbox fxiaoke;
    private Path fxiaokeConfig;
    @TempDir
    Path dir;

    /**
     * A sandbox per test: every CLI run is a new process with its own provider and token, and the sandbox,
     * like Fxiaoke, grants only ten tokens a minute per app.
     */
    @BeforeEach
    void startFxiaokeSandbox(@TempDir Path configDir) throws IOException {
        fxiaoke = org.openapproval.sandbox.kit.Sandboxes.load().forProvider("fxiaoke").orElseThrow().start();
        fxiaokeConfig = configDir.resolve("fxiaoke.properties");
        Files.writeString(fxiaokeConfig, fxiaoke.connectionConfig().entrySet().stream()
                .map(e -> "fxiaoke." + e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n")),
                StandardCharsets.UTF_8);
    }

    @AfterEach
    void stopFxiaokeSandbox() {
        fxiaoke.close();
    }

    private SeededProcess seed() {
        return fxiaoke.seedProcess(new ProcessSeed("Contract review", "Contract", ALICE,
                List.of(StepPlan.approval("Manager", ApprovalMode.SINGLE, BOB),
                        StepPlan.approval("Finance", ApprovalMode.SINGLE, CAROL))));
    }

    private CliRun fx(String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--provider";
        all[args.length + 1] = "fxiaoke";
        all[args.length + 2] = "--config";
        all[args.length + 3] = fxiaokeConfig.toString();
        return CliRun.of(all);
    }

    private String bobsTask(SeededProcess p) throws IOException {
        CliRun tasks = fx("tasks", "--user", "bob", "--output", "json");
        for (JsonNode t : json.readTree(tasks.out())) {
            if (t.get("process").asText().equals(p.process().value())) {
                return t.get("task").asText();
            }
        }
        throw new AssertionError("bob has no task in " + p.process() + ": " + tasks);
    }

    // ------------------------------------------------------------------ discovery, help, usage

    @Test
    void providersListsEveryProviderWithKeysButNeverSecretValues() throws IOException {
        CliRun table = CliRun.of("providers");
        assertEquals(0, table.exitCode(), table.toString());
        for (String id : List.of("in-memory", "fxiaoke", "nocoly")) {
            assertTrue(table.out().contains(id), table.out());
        }
        assertTrue(table.out().contains("* fxiaoke.app-secret (secret)"), table.out());
        JsonNode providers = json.readTree(CliRun.of("providers", "-o", "json").out());
        assertEquals(3, providers.size());
        assertTrue(providers.findValuesAsText("id").containsAll(List.of("in-memory", "fxiaoke", "nocoly")));
    }

    @Test
    void helpAndVersionExitZero() {
        assertEquals(0, CliRun.of("--help").exitCode());
        assertEquals(0, CliRun.of("approve", "--help").exitCode());
        CliRun version = CliRun.of("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("approval "), version.out());
        assertEquals(0, CliRun.of("providers", "-o", "JSON").exitCode(), "enum values are case-insensitive");
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertEquals(2, CliRun.of("frobnicate").exitCode());
        assertEquals(2, CliRun.of("show").exitCode(), "missing <process>");
        CliRun noAs = CliRun.of("approve", "P1/1:1");
        assertEquals(2, noAs.exitCode());
        assertTrue(noAs.err().contains("--as"), noAs.err());
        CliRun badId = fx("show", "a/b/c");
        assertEquals(2, badId.exitCode(), badId.toString());
        assertTrue(badId.err().startsWith("approval: "), badId.err());
    }

    @Test
    void aMisspeltConfigFileFailsInsteadOfFallingBackToTheSandbox() throws IOException {
        Path typo = dir.resolve("typo.properties");
        Files.writeString(typo, "fxiaoke.appid=FSAID_1\n");
        CliRun run = CliRun.of("tasks", "--user", "bob", "--provider", "fxiaoke", "--config", typo.toString());
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("fxiaoke.appid"), run.err());
        assertFalse(run.err().contains("sandbox"), run.err());
    }

    @Test
    @SuppressWarnings("try") // opening the session is the test; it is never read
    void configuredSecretsAreCutFromEverythingPrinted() throws IOException {
        Path wrong = dir.resolve("echo.properties");
        // a wrong permanent code: the sandbox refuses it; whatever is printed must not show it
        Files.writeString(wrong, Files.readString(fxiaokeConfig).replaceAll("fxiaoke.permanent-code=.*",
                "fxiaoke.permanent-code=perm-SECRET-9"));
        CliRun run = CliRun.of("show", "x", "--provider", "fxiaoke", "--config", wrong.toString(), "--verbose");
        assertEquals(3, run.exitCode(), run.toString());
        assertFalse(run.err().contains("perm-SECRET-9") || run.out().contains("perm-SECRET-9"));
        Connector connector = new Connector(ProviderRegistry.load(), org.openapproval.sandbox.kit.Sandboxes.load(), new CliEnvironment(Map.of(), Map.of(),
                java.time.Clock.systemUTC()));
        ConnectionOptions options = new ConnectionOptions();
        options.provider = "fxiaoke";
        options.config = wrong;
        try (Session ignored = connector.open(options, new java.io.PrintWriter(new java.io.StringWriter()))) {
            assertEquals("vendor said: ****", connector.redact("vendor said: perm-SECRET-9"));
        }
    }

    @Test
    void aRequestTheProviderRefusesAsInvalidIsExitTwo() {
        CliRun run = fx("query", "--state", "IN_PROGRESS");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("definition") && run.err().contains("time window"), run.err());
    }

    @Test
    void anUnknownProviderIsAUsageErrorListingTheKnownOnes() {
        CliRun run = CliRun.of("definitions", "--provider", "sap");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("in-memory") && run.err().contains("fxiaoke") && run.err().contains("nocoly"),
                run.err());
    }

    @Test
    void missingConfigKeysAreAllNamed() throws IOException {
        Path partial = dir.resolve("partial.properties");
        Files.writeString(partial, "fxiaoke.endpoint=http://127.0.0.1:1\n");
        CliRun run = CliRun.of("show", "x", "--provider", "fxiaoke", "--config", partial.toString());
        assertEquals(2, run.exitCode(), run.toString());
        for (String key : List.of("fxiaoke.app-id", "fxiaoke.app-secret", "fxiaoke.permanent-code",
                "fxiaoke.default-user-id")) {
            assertTrue(run.err().contains(key), run.err());
        }
    }

    // ------------------------------------------------------------------ reads

    @Test
    void processesShowAndTasksPrintIdsThatPasteIntoTheNextCommand() throws IOException {
        SeededProcess p = seed();
        CliRun list = fx("processes", "--record", p.record().value());
        assertEquals(0, list.exitCode(), list.toString());
        assertTrue(list.out().contains(p.process().value()), list.out());

        CliRun show = fx("show", p.process().value());
        assertEquals(0, show.exitCode(), show.toString());
        assertTrue(show.out().contains("IN_PROGRESS") && show.out().contains("timeline"), show.out());

        JsonNode doc = json.readTree(fx("show", p.process().value(), "-o", "json").out());
        assertEquals(p.process().value(), doc.get("id").asText());
        assertEquals("IN_PROGRESS", doc.get("state").asText());
        assertEquals("fxiaoke", doc.get("provider").asText());
        assertTrue(doc.get("steps").isArray() && doc.get("timeline").isArray());

        String task = bobsTask(p);
        assertTrue(show.out().contains(task), "the task id printed by show is the one tasks prints");
    }

    @Test
    void showingSomethingThatDoesNotExistIsExitOne() {
        CliRun run = fx("show", "0000000000000000deadbeef");
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("no process"), run.err());
    }

    @Test
    void queryStreamsTheDefinitionsProcessesInAWindow() throws IOException {
        SeededProcess p = seed();
        CliRun run = fx("query", "--definition", p.definitionId(), "--from", "2020-01-01T00:00:00Z", "--to",
                "2100-01-01T00:00:00Z", "--state", "IN_PROGRESS", "--page-size", "1", "-o", "json");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(json.readTree(run.out()).findValuesAsText("id").contains(p.process().value()), run.out());
    }

    // ------------------------------------------------------------------ writes and exit codes

    @Test
    void approveThenReturnThenCancelWithEveryRefusalExitCode() throws IOException {
        SeededProcess p = seed();
        String task = bobsTask(p);

        CliRun wrongActor = fx("approve", task, "--as", "mallory", "--comment", "ok");
        assertEquals(1, wrongActor.exitCode(), wrongActor.toString());
        CliRun noComment = fx("approve", task, "--as", "bob");
        assertEquals(1, noComment.exitCode(), "Fxiaoke requires an opinion: " + noComment);

        CliRun approve = fx("approve", task, "--as", "bob", "--comment", "budget ok", "-o", "json");
        assertEquals(0, approve.exitCode(), approve.toString());
        assertEquals("IN_PROGRESS", json.readTree(approve.out()).get("state").asText());

        CliRun again = fx("approve", task, "--as", "bob", "--comment", "again");
        assertEquals(1, again.exitCode(), "a decided task: " + again);
        assertTrue(again.err().contains("not PENDING"), again.err());

        JsonNode shown = json.readTree(fx("show", p.process().value(), "-o", "json").out());
        String carols = shown.get("steps").get(1).get("tasks").get(0).get("id").asText();
        CliRun targets = fx("return-targets", carols, "-o", "json");
        assertEquals(0, targets.exitCode(), targets.toString());
        String step = json.readTree(targets.out()).get(0).get("step").asText();
        CliRun back = fx("return", carols, "--to", step, "--as", "carol", "--comment", "need the quote");
        assertEquals(0, back.exitCode(), back.toString());

        CliRun cancel = fx("cancel", p.process().value(), "--as", "alice", "--reason", "withdrawn");
        assertEquals(0, cancel.exitCode(), cancel.toString());
        assertTrue(cancel.out().contains("CANCELLED"), cancel.out());
        assertEquals(1, fx("cancel", p.process().value(), "--as", "alice", "--reason", "again").exitCode());
    }

    @Test
    void anUnsupportedCapabilityIsExitFour() {
        CliRun run = fx("definitions");
        assertEquals(4, run.exitCode(), run.toString());
        assertTrue(run.err().contains("LIST_DEFINITIONS"), run.err());
        assertEquals(4, CliRun.of("cancel", "x:y:z", "--as", "a", "--reason", "r", "--provider", "nocoly").exitCode());
    }

    @Test
    void aVendorFailureIsExitThreeWithTheVendorCodeAndNoSecret() throws IOException {
        Path wrong = dir.resolve("wrong.properties");
        String content = Files.readString(fxiaokeConfig).replaceAll("fxiaoke.app-secret=.*",
                "fxiaoke.app-secret=not-the-secret-77");
        Files.writeString(wrong, content);
        CliRun run = CliRun.of("show", "x", "--provider", "fxiaoke", "--config", wrong.toString());
        assertEquals(3, run.exitCode(), run.toString());
        assertTrue(run.err().contains("vendor code=20006") && run.err().contains("trace id="), run.err());
        assertFalse(run.err().contains("not-the-secret-77") || run.out().contains("not-the-secret-77"));
        assertFalse(run.err().contains("\tat "), "no stack trace without --verbose");
        assertTrue(CliRun.of("show", "x", "--provider", "fxiaoke", "--config", wrong.toString(), "--verbose").err()
                .contains("\tat "), "--verbose prints the stack trace");
    }

    // ------------------------------------------------------------------ sandbox mode and the demo

    @Test
    void withoutConfigurationACommandRunsOnTheSandboxWithASampleRecord() {
        CliRun run = CliRun.of("tasks", "--user", "bob", "--provider", "nocoly");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.err().contains("[nocoly sandbox] seeded record"), run.err());
        assertTrue(run.out().contains("Manager review"), run.out());
        CliRun defs = CliRun.of("definitions", "--provider", "in-memory", "-o", "json");
        assertEquals(0, defs.exitCode(), defs.toString());
    }

    @Test
    void startSendsInputsToTheProvider() throws IOException {
        // each run has a fresh sandbox, seeded the same way, so the definition id repeats
        String definition = json.readTree(CliRun.of("definitions", "--provider", "in-memory", "-o", "json").out())
                .get(0).get("id").asText();
        CliRun run = CliRun.of("start", definition, "--input", "amount=12", "--as", "alice", "--provider",
                "in-memory", "--sandbox");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("started " + definition + "; process P"), run.out());
    }

    @Test
    void theDemoTellsTheStoryForEveryProviderAndEndsWithTheFinalStates() {
        CliRun run = CliRun.of("demo");
        assertEquals(0, run.exitCode(), run.toString());
        for (String id : List.of("in-memory", "fxiaoke", "nocoly")) {
            assertTrue(run.out().contains("=== " + id), run.out());
        }
        assertTrue(run.out().contains("Carol returns it to 'Manager review'"), run.out());
        assertTrue(run.out().contains("nocoly lacks CANCEL"), "missing capabilities are explained");
        String finals = run.out().substring(run.out().indexOf("final states"));
        assertTrue(finals.contains("REJECTED") && finals.contains("CANCELLED"), finals);
        assertTrue(run.out().contains("Started 'Expense claim' with amount=120"), "start on providers that can");
    }
}
