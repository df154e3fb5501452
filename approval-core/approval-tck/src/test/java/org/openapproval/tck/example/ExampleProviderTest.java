package org.openapproval.tck.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openapproval.core.Approvals;
import org.openapproval.core.domain.ApprovalMode;
import org.openapproval.core.domain.RateLimitedException;
import org.openapproval.core.domain.StepPlan;
import org.openapproval.core.domain.UserRef;
import org.openapproval.core.port.in.ApprovalService;
import org.openapproval.core.spi.ProviderConfig;
import org.openapproval.core.spi.ProviderConfigurationException;
import org.openapproval.sandbox.kit.Fault;
import org.openapproval.sandbox.kit.ProcessSeed;
import org.openapproval.sandbox.kit.ProviderSandbox;
import org.openapproval.sandbox.kit.Sandboxes;
import org.openapproval.sandbox.kit.SeededProcess;

/** What the contract leaves to each provider: throttling, how a session is renewed, and plugin discovery. */
class ExampleProviderTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);

    private ProviderSandbox sandbox;
    private ApprovalService service;
    private SeededProcess seeded;

    @BeforeEach
    void connect() {
        sandbox = new ExampleSandboxProvider().start(CLOCK);
        var provider = sandbox.provider();
        service = Approvals.connect(provider, ProviderConfig.of(provider.descriptor(), sandbox.connectionConfig()),
                CLOCK);
        seeded = sandbox.seedProcess(new ProcessSeed("Purchase", "PO 1", UserRef.of("alice"),
                List.of(StepPlan.approval("Review", ApprovalMode.SINGLE, UserRef.of("bob")))));
    }

    @AfterEach
    void close() {
        service.close();
        sandbox.close();
    }

    @Test
    void throttlingIsReportedAsRetryableWithTheVendorsCode() {
        sandbox.injectFault(Fault.of(Fault.Kind.RATE_LIMITED, 1));
        RateLimitedException e = assertThrows(RateLimitedException.class, () -> service.process(seeded.process()));
        assertTrue(e.isRetryable());
        assertEquals(Optional.of(String.valueOf(ExampleVendor.SLOW_DOWN)), e.vendorCode());
        assertTrue(service.process(seeded.process()).isPresent(), "the fault was used up");
    }

    @Test
    void anExpiredSessionIsRenewedOnceAndTheCallRepeated() {
        service.process(seeded.process()); // logs in
        sandbox.injectFault(Fault.of(Fault.Kind.EXPIRED_CREDENTIALS, 1));
        long before = sandbox.requestCount();
        assertTrue(service.process(seeded.process()).isPresent());
        assertEquals(3, sandbox.requestCount() - before, "refused call, login, repeated call");
    }

    @Test
    void theDiscoveredProviderHasNoVendorToConnectTo() {
        ExampleProvider discovered = new ExampleProvider();
        ProviderConfig config = ProviderConfig.of(discovered.descriptor(), sandbox.connectionConfig());
        assertThrows(ProviderConfigurationException.class, () -> discovered.create(config));
    }

    @Test
    void theSandboxIsDiscoverableUnderTheProvidersId() {
        assertTrue(Sandboxes.load().forProvider(ExampleProvider.ID).isPresent());
        assertEquals(Map.of("tenant", ExampleSandbox.TENANT, "api-key", ExampleSandbox.API_KEY),
                sandbox.connectionConfig());
    }
}
