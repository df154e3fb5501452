package org.openapproval.core;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openapproval.core.application.DefaultApprovalService;
import org.openapproval.core.port.in.ApprovalService;
import org.openapproval.core.spi.ApprovalObserver;
import org.openapproval.core.spi.ApprovalProvider;
import org.openapproval.core.spi.ProviderContext;
import org.openapproval.core.spi.ConfigSources;
import org.openapproval.core.domain.ErrorContext;
import org.openapproval.core.spi.ProviderConfig;
import org.openapproval.core.spi.ProviderConfigurationException;
import org.openapproval.core.spi.ProviderPorts;
import org.openapproval.core.spi.ProviderDescriptor;
import org.openapproval.core.bootstrap.ProviderRegistry;

/**
 * The plain-Java front door: no DI container needed.
 *
 * <pre>{@code
 * try (ApprovalService approvals = Approvals.connect("fxiaoke", Map.of("app-id", "FSAID_…"))) {
 *     approvals.processesOf(RecordRef.of("ContractObj", "65f0…"));
 * }
 * }</pre>
 *
 * Configuration is layered: provider defaults, then environment ({@code APPROVAL_FXIAOKE_APP_SECRET}),
 * then system properties ({@code -Dfxiaoke.app-secret=…}), then the explicit values given here.
 */
public final class Approvals {
    private Approvals() {
    }

    /** @return the providers on the class path, discovered afresh */
    public static ProviderRegistry registry() {
        return ProviderRegistry.load();
    }

    /** @return the descriptors of the providers on the class path */
    public static List<ProviderDescriptor> providers() {
        return registry().descriptors();
    }

    /**
     * Connects with this JVM's environment and system properties beneath the explicit values.
     *
     * @param providerId the provider's id, e.g. {@code nocoly}
     * @param explicitConfig values by short ({@code app-key}) or full ({@code nocoly.app-key}) key
     * @return the service; close it when done
     * @throws org.openapproval.core.bootstrap.UnknownProviderException if no provider has the id
     * @throws ProviderConfigurationException naming every missing or unknown key
     */
    public static ApprovalService connect(String providerId, Map<String, String> explicitConfig) {
        return connect(providerId, ConfigSources.fromSystem(explicitConfig));
    }

    /**
     * Connects with configuration from the given sources.
     *
     * @param providerId the provider's id
     * @param sources the configuration layers
     * @return the service; close it when done
     */
    public static ApprovalService connect(String providerId, ConfigSources sources) {
        Objects.requireNonNull(providerId, "providerId");
        ApprovalProvider provider = registry().provider(providerId);
        return connect(provider, ProviderConfig.resolve(provider.descriptor(), sources), Clock.systemUTC());
    }

    /**
     * Connects a given provider with a resolved configuration and the clock decisions are stamped with.
     *
     * @param provider the provider
     * @param config its resolved configuration
     * @param clock stamps decisions
     * @return the service; close it when done
     */
    public static ApprovalService connect(ApprovalProvider provider, ProviderConfig config, Clock clock) {
        return connect(provider, config, clock, ApprovalObserver.NONE);
    }

    /**
     * Connects a given provider and reports every call, and the provider's vendor exchanges, to an observer
     * (e.g. {@code org.openapproval.core.observation.MicrometerApprovalObserver}).
     *
     * @param provider the provider
     * @param config its resolved configuration
     * @param clock stamps decisions
     * @param observer where calls, HTTP exchanges and events are reported
     * @return the service; close it when done
     */
    public static ApprovalService connect(ApprovalProvider provider, ProviderConfig config, Clock clock,
                                          ApprovalObserver observer) {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(observer, "observer");
        if (!provider.descriptor().id().equals(config.providerId())) {
            throw new IllegalArgumentException("config for provider " + config.providerId()
                    + " given to provider " + provider.descriptor().id());
        }
        ProviderPorts ports = provider.create(config.validate(), new ProviderContext(observer));
        String id = provider.descriptor().id();
        if (!ports.providerId().equals(id) || !provider.descriptor().capabilities().containsAll(ports.capabilities())) {
            ports.close();
            throw new ProviderConfigurationException("provider " + id + " (" + provider.getClass().getName()
                    + ") built ports for '" + ports.providerId() + "' with capabilities " + ports.capabilities()
                    + " beyond its declared " + provider.descriptor().capabilities() + "; this is a bug in the provider",
                    ErrorContext.provider(id), null);
        }
        return new DefaultApprovalService(ports, clock, provider.descriptor().startInputs(), observer);
    }
}
