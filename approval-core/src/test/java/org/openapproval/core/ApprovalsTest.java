package org.openapproval.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openapproval.core.domain.DecisionPolicy;
import org.openapproval.core.port.in.ApprovalService;
import org.openapproval.core.port.out.ProcessReader;
import org.openapproval.core.spi.ApprovalProvider;
import org.openapproval.core.port.in.Capability;
import org.openapproval.core.spi.ConfigKey;
import org.openapproval.core.spi.ConfigSources;
import org.openapproval.core.spi.ProviderConfig;
import org.openapproval.core.spi.ProviderConfigurationException;
import org.openapproval.core.spi.ProviderDescriptor;
import org.openapproval.core.spi.ProviderPorts;
import org.openapproval.core.bootstrap.UnknownProviderException;
import org.openapproval.core.inmemory.InMemoryApprovalProvider;

class ApprovalsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T09:30:00Z"), ZoneOffset.UTC);
    private static final ProviderDescriptor VENDOR = new ProviderDescriptor("vendor", "Vendor (mock)",
            List.of(ConfigKey.required("app-id", "d"), ConfigKey.requiredSecret("app-secret", "d")),
            EnumSet.of(Capability.READ_PROCESSES));

    private static ApprovalProvider mockVendor() {
        ApprovalProvider provider = mock(ApprovalProvider.class);
        when(provider.descriptor()).thenReturn(VENDOR);
        // a mock does not run the SPI's default method, which hands the context-free create the config
        when(provider.create(org.mockito.ArgumentMatchers.any(ProviderConfig.class),
                org.mockito.ArgumentMatchers.any(org.openapproval.core.spi.ProviderContext.class)))
                .thenAnswer(call -> provider.create(call.getArgument(0, ProviderConfig.class)));
        return provider;
    }

    @Test
    void providersIncludeInMemory() {
        List<ProviderDescriptor> providers = Approvals.providers();
        ProviderDescriptor inMemory = providers.stream().filter(d -> d.id().equals("in-memory")).findFirst()
                .orElseThrow(() -> new AssertionError("in-memory missing from " + providers));
        assertEquals(EnumSet.allOf(Capability.class), inMemory.capabilities());
        assertTrue(Approvals.registry().ids().contains("in-memory"));
    }

    @Test
    void unknownProviderIdListsTheKnownOnes() {
        UnknownProviderException e = assertThrows(UnknownProviderException.class,
                () -> Approvals.connect("nope", Map.of()));
        assertTrue(e.knownIds().contains("in-memory"), e.knownIds().toString());
        assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
        assertTrue(e.getMessage().contains("in-memory"), e.getMessage());
    }

    @Test
    void unknownProviderIdWithExplicitSources() {
        UnknownProviderException e = assertThrows(UnknownProviderException.class,
                () -> Approvals.connect("fxiaok", ConfigSources.explicitOnly(Map.of())));
        assertTrue(e.knownIds().contains("in-memory"));
    }

    @Test
    void nullProviderIdRejected() {
        assertThrows(NullPointerException.class,
                () -> Approvals.connect((String) null, ConfigSources.explicitOnly(Map.of())));
    }

    @Test
    void configForAnotherProviderIsRejected() {
        ApprovalProvider provider = mockVendor();
        ProviderDescriptor other = new ProviderDescriptor("other", "Other", List.of(), Set.of());
        ProviderConfig config = ProviderConfig.of(other, Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Approvals.connect(provider, config, CLOCK));
        assertTrue(e.getMessage().contains("other"), e.getMessage());
        assertTrue(e.getMessage().contains("vendor"), e.getMessage());
        verify(provider, never()).create(any());
    }

    @Test
    void missingRequiredConfigFailsBeforeTheProviderIsCreated() {
        ApprovalProvider provider = mockVendor();
        ProviderConfig config = ProviderConfig.of(VENDOR, Map.of());
        ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class,
                () -> Approvals.connect(provider, config, CLOCK));
        assertTrue(e.getMessage().contains("vendor.app-id"), e.getMessage());
        assertTrue(e.getMessage().contains("APPROVAL_VENDOR_APP_SECRET"), e.getMessage());
        verify(provider, never()).create(any());
    }

    @Test
    void connectWrapsWhatTheProviderCreates() throws Exception {
        ApprovalProvider provider = mockVendor();
        AutoCloseable resource = mock(AutoCloseable.class);
        ProviderConfig config = ProviderConfig.of(VENDOR, Map.of("app-id", "id", "app-secret", "secret"));
        when(provider.create(config)).thenReturn(ProviderPorts.builder("vendor")
                .processReader(mock(ProcessReader.class))
                .decisionPolicy(DecisionPolicy.commentsRequired())
                .unsupported(Capability.START, "not offered by the vendor's API")
                .onClose(resource)
                .build());

        ApprovalService service = Approvals.connect(provider, config, CLOCK);
        assertEquals("vendor", service.providerId());
        assertEquals(Set.of(Capability.READ_PROCESSES), service.capabilities());
        assertEquals(Optional.of("not offered by the vendor's API"), service.unsupportedReason(Capability.START));
        assertEquals(DecisionPolicy.commentsRequired(), service.decisionPolicy());
        service.close();
        service.close();
        verify(resource, times(1)).close();
    }

    @Test
    void connectsToInMemoryWithEveryCapability() {
        try (ApprovalService service = Approvals.connect("in-memory",
                ConfigSources.explicitOnly(Map.of()))) {
            assertEquals("in-memory", service.providerId());
            assertEquals(EnumSet.allOf(Capability.class), service.capabilities());
            for (Capability c : Capability.values()) {
                assertEquals(Optional.empty(), service.unsupportedReason(c));
            }
            assertEquals(DecisionPolicy.commentsOptional(), service.decisionPolicy());
        }
    }

    @Test
    void inMemoryHonoursTheEnvironmentLayer() {
        ConfigSources sources = new ConfigSources(Map.of(), Map.of("APPROVAL_IN_MEMORY_COMMENTS_REQUIRED", "true"),
                Map.of(), Map.of());
        try (ApprovalService service = Approvals.connect("in-memory", sources)) {
            assertEquals(DecisionPolicy.commentsRequired(), service.decisionPolicy());
        }
    }

    @Test
    void blankEnvironmentValueFallsBackToTheDefault() {
        ConfigSources sources = new ConfigSources(Map.of(), Map.of("APPROVAL_IN_MEMORY_COMMENTS_REQUIRED", ""),
                Map.of(), Map.of());
        try (ApprovalService service = Approvals.connect("in-memory", sources)) {
            assertEquals(DecisionPolicy.commentsOptional(), service.decisionPolicy());
        }
    }

    @Test
    void inMemoryRejectsAnUnknownKeyListingItsKeys() {
        ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class,
                () -> Approvals.connect("in-memory", ConfigSources.explicitOnly(Map.of("comments-requird", "x"))));
        assertTrue(e.getMessage().contains("comments-requird"), e.getMessage());
        assertTrue(e.getMessage().contains("in-memory.unsupported"), e.getMessage());
        assertTrue(e.getMessage().contains("in-memory.comments-required"), e.getMessage());
    }

    @Test
    void inMemoryRejectsAMalformedFlag() {
        ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class,
                () -> Approvals.connect("in-memory", ConfigSources.explicitOnly(Map.of("comments-required", "maybe"))));
        assertTrue(e.getMessage().contains("in-memory.comments-required"), e.getMessage());
        assertEquals(Optional.of("in-memory"), e.providerId());
    }

    @Test
    void registryProviderIsTheInMemoryClass() {
        assertInstanceOf(InMemoryApprovalProvider.class, Approvals.registry().provider("in-memory"));
    }
}
