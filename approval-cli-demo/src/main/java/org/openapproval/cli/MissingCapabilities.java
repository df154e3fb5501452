package org.openapproval.cli;

import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openapproval.core.bootstrap.ProviderRegistry;
import org.openapproval.core.port.in.Capability;
import org.openapproval.core.spi.ApprovalProvider;
import org.openapproval.core.spi.ConfigKey;
import org.openapproval.core.spi.ProviderConfig;
import org.openapproval.core.spi.ProviderPorts;

/**
 * Why each capability a provider lacks is missing, in the provider's own words, without contacting any
 * vendor: the provider is created (no I/O, by the SPI's contract) with placeholder values for its required
 * keys only, so capabilities that need optional keys are reported with the reason that names those keys.
 */
final class MissingCapabilities {
    static final String NOWHERE = "not offered by this provider in any configuration";
    private final ProviderRegistry registry;

    @Inject
    MissingCapabilities(ProviderRegistry registry) {
        this.registry = registry;
    }

    Map<Capability, String> missing(String providerId) {
        ApprovalProvider provider = registry.provider(providerId);
        Map<Capability, String> why = new EnumMap<>(Capability.class);
        for (Capability c : Capability.values()) {
            if (!provider.descriptor().capabilities().contains(c)) {
                why.put(c, NOWHERE);
            }
        }
        Map<String, String> placeholders = new LinkedHashMap<>();
        for (ConfigKey k : provider.descriptor().configKeys()) {
            if (k.required() && k.defaultValue().isEmpty()) {
                placeholders.put(k.name(), "placeholder");
            }
        }
        try (ProviderPorts ports = provider.create(ProviderConfig.of(provider.descriptor(), placeholders))) {
            for (Capability c : Capability.values()) {
                ports.unsupportedReason(c).ifPresent(reason -> why.put(c, reason));
            }
        } catch (RuntimeException e) {
            // a provider that refuses placeholders still has its descriptor's answer
        }
        return why;
    }
}
