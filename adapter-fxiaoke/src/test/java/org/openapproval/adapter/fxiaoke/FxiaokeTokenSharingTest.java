package org.openapproval.adapter.fxiaoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openapproval.adapter.support.InProcessTokenStore;
import org.openapproval.core.Approvals;
import org.openapproval.core.domain.ApprovalException;
import org.openapproval.core.domain.ApprovalMode;
import org.openapproval.core.domain.StepPlan;
import org.openapproval.core.domain.UserRef;
import org.openapproval.core.port.in.ApprovalService;
import org.openapproval.core.spi.ProviderConfig;
import org.openapproval.core.spi.ProviderPorts;
import org.openapproval.sandbox.fxiaoke.FxiaokeSandbox;
import org.openapproval.sandbox.kit.ProcessSeed;
import org.openapproval.sandbox.kit.SeededProcess;
import org.openapproval.tck.MutableClock;

/** Who shares a token: the services one provider object builds for the same credentials, and nobody else. */
class FxiaokeTokenSharingTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
    private FxiaokeSandbox sandbox;
    private SeededProcess seeded;

    @BeforeEach
    void start() {
        sandbox = FxiaokeSandbox.start(clock);
        seeded = sandbox.seedProcess(new ProcessSeed("Contract review", "Contract 1", UserRef.of("2001"),
                List.of(StepPlan.approval("Manager", ApprovalMode.SINGLE, UserRef.of("2002")))));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private ProviderConfig config(FxiaokeApprovalProvider provider, Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(sandbox.connectionConfig());
        values.putAll(overrides);
        return ProviderConfig.of(provider.descriptor(), values);
    }

    private ApprovalService connect(FxiaokeApprovalProvider provider) {
        return Approvals.connect(provider, config(provider, Map.of()), clock);
    }

    private void read(ApprovalService service) {
        assertTrue(service.process(seeded.process()).isPresent());
    }

    @Test
    void servicesOfOneProviderWithTheSameCredentialsShareOneTokenAndTheLastCloseReleasesIt() {
        InProcessTokenStore store = new InProcessTokenStore(clock);
        FxiaokeApprovalProvider provider = new FxiaokeApprovalProvider(clock, UUID::randomUUID, store);
        ApprovalService first = connect(provider);
        ApprovalService second = connect(provider);
        read(first);
        read(second);
        assertEquals(1, sandbox.tokenRequestCount());
        assertEquals(1, store.size());

        first.close();
        assertEquals(1, store.size(), "the second service still holds the token");
        read(second); // on its own HTTP client, with the shared token
        assertEquals(1, sandbox.tokenRequestCount());

        second.close();
        assertEquals(0, store.size(), "released with the last service");
        try (ApprovalService third = connect(provider)) {
            read(third);
        }
        assertEquals(2, sandbox.tokenRequestCount(), "a released token is fetched anew");
        assertEquals(0, store.size());
    }

    @Test
    void otherCredentialsOfTheSameProviderGetTheirOwnToken() {
        InProcessTokenStore store = new InProcessTokenStore(clock);
        FxiaokeApprovalProvider provider = new FxiaokeApprovalProvider(clock, UUID::randomUUID, store);
        try (ApprovalService bearer = connect(provider);
             ApprovalService legacy = Approvals.connect(provider, config(provider, Map.of("auth-mode", "legacy")),
                     clock)) {
            read(bearer);
            read(legacy);
            assertEquals(2, store.size());
            assertEquals(2, sandbox.tokenRequestCount());
        }
        assertEquals(0, store.size());
    }

    @Test
    void servicesOfDifferentProviderObjectsShareNothing() {
        try (ApprovalService one = connect(new FxiaokeApprovalProvider(clock, UUID::randomUUID));
             ApprovalService other = connect(new FxiaokeApprovalProvider(clock, UUID::randomUUID))) {
            read(one);
            read(other);
            assertEquals(2, sandbox.tokenRequestCount(), "each provider object fetched its own token");
        }
    }

    @Test
    void aClosedProviderInstanceSendsNothingMore() {
        FxiaokeApprovalProvider provider = new FxiaokeApprovalProvider(clock, UUID::randomUUID);
        ProviderPorts ports = provider.create(config(provider, Map.of()));
        assertTrue(ports.processReader().orElseThrow().process(seeded.process()).isPresent());
        int sent = sandbox.requests().size();
        ports.close();
        assertThrows(ApprovalException.class, () -> ports.processReader().orElseThrow().process(seeded.process()));
        assertEquals(sent, sandbox.requests().size(), "its HTTP client and token lease are released");
    }
}
