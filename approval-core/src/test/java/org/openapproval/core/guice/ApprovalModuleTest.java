package org.openapproval.core.guice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openapproval.core.domain.ApprovalMode;
import org.openapproval.core.domain.ApprovalProcess;
import org.openapproval.core.domain.StepPlan;
import org.openapproval.core.domain.Task;
import org.openapproval.core.domain.UserRef;
import org.openapproval.core.port.in.ApprovalService;
import org.openapproval.core.port.in.ApproveCommand;
import org.openapproval.core.port.in.Capability;
import org.openapproval.core.spi.ConfigSources;
import org.openapproval.core.spi.ProviderConfigurationException;
import org.openapproval.core.bootstrap.ProviderRegistry;
import org.openapproval.core.bootstrap.UnknownProviderException;
import org.openapproval.core.inmemory.InMemoryApprovalProvider;
import org.openapproval.core.inmemory.InMemoryApprovalStore;

class ApprovalModuleTest {
    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static ApprovalModule module(String id, Map<String, String> explicit) {
        return new ApprovalModule(id, ConfigSources.explicitOnly(explicit), CLOCK);
    }

    /** The first throwable of that type in the cause chain. */
    private static <T extends Throwable> T causeOfType(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in the cause chain of " + t, t);
    }

    @Test
    void bindsASingletonApprovalServiceForInMemory() {
        Injector injector = Guice.createInjector(module("in-memory", Map.of()));
        ApprovalService service = injector.getInstance(ApprovalService.class);
        assertEquals("in-memory", service.providerId());
        assertEquals(EnumSet.allOf(Capability.class), service.capabilities());
        assertSame(service, injector.getInstance(ApprovalService.class));
        service.close();
    }

    @Test
    void bindsASingletonRegistry() {
        Injector injector = Guice.createInjector(module("in-memory", Map.of()));
        ProviderRegistry registry = injector.getInstance(ProviderRegistry.class);
        assertSame(registry, injector.getInstance(ProviderRegistry.class));
        assertTrue(registry.ids().contains("in-memory"));
    }

    @Test
    void unknownIdFailsOnGetInstanceListingKnownIds() {
        Injector injector = Guice.createInjector(module("nope", Map.of()));
        ProvisionException e = assertThrows(ProvisionException.class,
                () -> injector.getInstance(ApprovalService.class));
        UnknownProviderException cause = causeOfType(e, UnknownProviderException.class);
        assertTrue(cause.knownIds().contains("in-memory"), cause.knownIds().toString());
        assertTrue(cause.getMessage().contains("in-memory"), cause.getMessage());
        assertTrue(e.getMessage().contains("in-memory"), "Guice's message carries the cause's: " + e.getMessage());
    }

    @Test
    void unknownIdFailsAtInjectorCreationInProductionStage() {
        CreationException e = assertThrows(CreationException.class,
                () -> Guice.createInjector(Stage.PRODUCTION, module("nope", Map.of())));
        UnknownProviderException cause = causeOfType(e, UnknownProviderException.class);
        assertTrue(cause.knownIds().contains("in-memory"), cause.knownIds().toString());
        assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
    }

    @Test
    void badConfigFailsWithTheDeclaredKeys() {
        Injector injector = Guice.createInjector(module("in-memory", Map.of("comments-requird", "x")));
        ProvisionException e = assertThrows(ProvisionException.class,
                () -> injector.getInstance(ApprovalService.class));
        ProviderConfigurationException cause = causeOfType(e, ProviderConfigurationException.class);
        assertTrue(cause.getMessage().contains("comments-requird"), cause.getMessage());
        assertTrue(cause.getMessage().contains("in-memory.comments-required"), cause.getMessage());
    }

    @Test
    void decisionsAreStampedWithTheModulesClock() {
        InMemoryApprovalStore store = InMemoryApprovalStore.create(CLOCK);
        {
            ApprovalProcess seeded = store.openProcess("Contract flow", UserRef.of("alice"),
                    List.of(StepPlan.approval("Manager", ApprovalMode.SINGLE, UserRef.of("bob"))));
            Injector injector = Guice.createInjector(new ApprovalModule(new InMemoryApprovalProvider(store),
                    ConfigSources.explicitOnly(Map.of()), CLOCK));
            try (ApprovalService service = injector.getInstance(ApprovalService.class)) {
                Task task = service.process(seeded.id()).orElseThrow().pendingTasks().get(0);
                service.approve(ApproveCommand.of(task.id(), UserRef.of("bob"), "fine"));
                ApprovalProcess after = service.process(seeded.id()).orElseThrow();
                Task decided = after.task(task.id()).orElseThrow();
                assertEquals(NOW, decided.decision().orElseThrow().time().orElseThrow());
            }
        }
    }

    @Test
    void constructorRejectsNulls() {
        ConfigSources none = ConfigSources.explicitOnly(Map.of());
        assertThrows(NullPointerException.class, () -> new ApprovalModule((String) null, none, CLOCK));
        assertThrows(NullPointerException.class, () -> new ApprovalModule("in-memory", null, CLOCK));
        assertThrows(NullPointerException.class, () -> new ApprovalModule("in-memory", none, null));
    }
}
