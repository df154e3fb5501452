package org.openapproval.core.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.openapproval.core.Approvals;
import org.openapproval.core.port.in.ApprovalService;
import org.openapproval.core.spi.ApprovalProvider;
import org.openapproval.core.spi.ConfigSources;
import org.openapproval.core.spi.ProviderConfig;
import org.openapproval.core.bootstrap.ProviderRegistry;

/**
 * Binds {@link ApprovalService} for one provider in a Guice host application. The provider is found by
 * ServiceLoader and configured like {@link Approvals#connect(String, Map)}: defaults, environment,
 * system properties, then the explicit values given here.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new ApprovalModule("nocoly", Map.of("app-key", "…")));
 * ApprovalService approvals = injector.getInstance(ApprovalService.class);
 * }</pre>
 */
public final class ApprovalModule extends AbstractModule {
    private final String providerId;
    private final Optional<ApprovalProvider> provider;
    private final ConfigSources sources;
    private final Clock clock;

    public ApprovalModule(String providerId, Map<String, String> explicitConfig) {
        this(providerId, ConfigSources.fromSystem(explicitConfig), Clock.systemUTC());
    }

    public ApprovalModule(String providerId, ConfigSources sources, Clock clock) {
        this.providerId = Objects.requireNonNull(providerId, "providerId");
        this.provider = Optional.empty();
        this.sources = Objects.requireNonNull(sources, "sources");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Binds a provider instance the host made itself (e.g. one sharing state with other services) instead of discovering one. */
    public ApprovalModule(ApprovalProvider provider, ConfigSources sources, Clock clock) {
        this.provider = Optional.of(Objects.requireNonNull(provider, "provider"));
        this.providerId = provider.descriptor().id();
        this.sources = Objects.requireNonNull(sources, "sources");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Provides
    @Singleton
    ProviderRegistry providerRegistry() {
        return ProviderRegistry.load();
    }

    @Provides
    @Singleton
    ApprovalService approvalService(ProviderRegistry registry) {
        ApprovalProvider provider = this.provider.orElseGet(() -> registry.provider(providerId));
        return Approvals.connect(provider, ProviderConfig.resolve(provider.descriptor(), sources), clock);
    }
}
