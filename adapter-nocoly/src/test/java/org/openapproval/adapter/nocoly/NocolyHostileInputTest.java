package org.openapproval.adapter.nocoly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openapproval.adapter.nocoly.client.OrgSignature;
import org.openapproval.core.Approvals;
import org.openapproval.core.domain.ApprovalException;
import org.openapproval.core.domain.InputParameter;
import org.openapproval.core.domain.InvalidRequestException;
import org.openapproval.core.domain.OutcomeUnknownException;
import org.openapproval.core.domain.UserRef;
import org.openapproval.core.port.in.ApprovalService;
import org.openapproval.core.port.in.StartCommand;
import org.openapproval.core.spi.ProviderConfig;
import org.openapproval.sandbox.kit.DefinitionSeed;
import org.openapproval.sandbox.nocoly.NocolySandbox;
import org.openapproval.sandbox.nocoly.NocolySandbox.RecordedRequest;

/** The organization query string and the start inputs under hostile values (issue 10, items 5 and 7). */
class NocolyHostileInputTest {
    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private NocolySandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = NocolySandbox.start(clock);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private ApprovalService connect(Map<String, String> overrides) {
        NocolyApprovalProvider provider = new NocolyApprovalProvider(clock);
        Map<String, String> config = new HashMap<>(sandbox.connectionConfig());
        config.putAll(overrides);
        return Approvals.connect(provider, ProviderConfig.of(provider.descriptor(), config), clock);
    }

    private List<RecordedRequest> todoRequests() {
        return sandbox.requests().stream().filter(r -> r.path().startsWith("/workflow/v1/instance/getTodoList"))
                .toList();
    }

    @Test
    void anOrgAppKeyCannotAddQueryParameters() {
        String hostile = "9c41e7a2b06d5f83&sign=evil&accountId=admin";
        try (ApprovalService service = connect(Map.of("org-app-key", hostile))) {
            assertThrows(ApprovalException.class, () -> service.pendingTasks(UserRef.of("bob")).count());
        }
        RecordedRequest sent = todoRequests().get(0);
        assertEquals(List.of(hostile), sent.query().get("appKey"), "the key arrives whole, as one value");
        assertEquals(List.of("bob"), sent.query().get("accountId"));
        assertEquals(1, sent.query().get("sign").size());
        assertEquals(OrgSignature.sign(hostile, sandbox.connectionConfig().get("org-secret-key"), NOW.toEpochMilli()),
                sent.query().get("sign").get(0), "signed over the raw documented inputs");
    }

    @Test
    void percentAndBracesInAKeyAreEncodedAndNothingLeaksTheSignedUrl() {
        for (String key : List.of("ab%31cd", "a{b}c", "a%2Fb")) {
            try (ApprovalService service = connect(Map.of("org-app-key", key))) {
                ApprovalException e = assertThrows(ApprovalException.class,
                        () -> service.pendingTasks(UserRef.of("bob")).count());
                assertFalse(e instanceof OutcomeUnknownException, e.toString());
                assertFalse(e.getMessage().contains("sign="), e.getMessage());
            }
            RecordedRequest sent = todoRequests().get(todoRequests().size() - 1);
            assertEquals(List.of(key), sent.query().get("appKey"), key + " arrives as it was configured");
        }
    }

    @Test
    void accountIdsThatAreNotHapIdsAreRefusedBeforeAnyRequest() {
        try (ApprovalService service = connect(Map.of())) {
            for (String account : List.of("%31002", "a%2Fb", "a/b", "a&accountId=admin", "a b", "..")) {
                long before = sandbox.requestCount();
                assertThrows(RuntimeException.class,
                        () -> service.pendingTasks(new UserRef(account, "x")).count(), account);
                assertEquals(before, sandbox.requestCount(), account + " reached the vendor");
            }
        }
    }

    @Test
    void startInputsAreCheckedAgainstTheDeclaredParametersBeforeTheHook() {
        String id = sandbox.seedDefinition(new DefinitionSeed("Expense", List.of(
                new InputParameter("amount", "number", true, Optional.empty()),
                new InputParameter("reason", "text", false, Optional.empty()))));
        try (ApprovalService service = connect(Map.of())) {
            for (Map<String, String> inputs : List.of(Map.of("amount", "not-a-number"),
                    Map.of("amount", "12", "reason", "a\r\nb"), Map.of("amount", "12", "reason", "a\u0000b"),
                    Map.of("amount", "12", "undeclared", "x"))) {
                InvalidRequestException e = assertThrows(InvalidRequestException.class,
                        () -> service.start(StartCommand.of(id, inputs)), inputs.toString());
                assertTrue(sandbox.hookRuns().isEmpty(), inputs + " reached the hook: " + e.getMessage());
            }
            service.start(StartCommand.of(id, Map.of("amount", "12.50", "reason", "line one\nline two")));
            assertEquals(1, sandbox.hookRuns().size());
        }
    }
}
