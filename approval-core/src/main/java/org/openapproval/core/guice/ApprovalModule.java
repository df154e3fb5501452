package org.openapproval.core.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.openapproval.core.Approvals;
import org.openapproval.core.bootstrap.ProviderRegistry;
import org.openapproval.core.port.in.ApprovalService;
import org.openapproval.core.spi.ApprovalObserver;
import org.openapproval.core.spi.ApprovalProvider;
import org.openapproval.core.spi.ConfigSources;
import org.openapproval.core.spi.ProviderConfig;

/**
 * Binds {@link ApprovalService} for one provider in a Guice host application. The provider is found by
 * ServiceLoader and configured like {@link Approvals#connect(String, Map)}: defaults, environment,
 * system properties, then the explicit values given here.
 *
 * <p>The module owns the service it creates: Guice has no shutdown hook of its own, so the application
 * closes the module (or the injected service) when it stops.
 *
 * <pre>{@code
 * try (ApprovalModule approvalModule = new ApprovalModule("nocoly", Map.of("app-key", "…"))) {
 *     Injector injector = Guice.createInjector(approvalModule);
 *     ApprovalService approvals = injector.getInstance(ApprovalService.class);
 *     …
 * } // closes the service and its HTTP clients
 * }</pre>
 */
public final class ApprovalModule extends AbstractModule implements AutoCloseable {
    private final String providerId;
    private final Optional<ApprovalProvider> provider;
    private final ConfigSources sources;
    private final Clock clock;
    private final ApprovalObserver observer;
    private final AtomicReference<ApprovalService> created = new AtomicReference<>();

    /**
     * @param providerId the provider's id
     * @param explicitConfig values above the environment and system properties
     */
    public ApprovalModule(String providerId, Map<String, String> explicitConfig) {
        this(providerId, ConfigSources.fromSystem(explicitConfig), Clock.systemUTC());
    }

    /**
     * @param providerId the provider's id
     * @param sources the configuration layers
     * @param clock stamps decisions
     */
    public ApprovalModule(String providerId, ConfigSources sources, Clock clock) {
        this(providerId, Optional.empty(), sources, clock, ApprovalObserver.NONE);
    }

    /**
     * Binds a provider instance the host made itself (e.g. one sharing state with other services) instead of
     * discovering one.
     *
     * @param provider the provider
     * @param sources the configuration layers
     * @param clock stamps decisions
     */
    public ApprovalModule(ApprovalProvider provider, ConfigSources sources, Clock clock) {
        this(Objects.requireNonNull(provider, "provider").descriptor().id(), Optional.of(provider), sources, clock,
                ApprovalObserver.NONE);
    }

    private ApprovalModule(String providerId, Optional<ApprovalProvider> provider, ConfigSources sources, Clock clock,
                           ApprovalObserver observer) {
        this.providerId = Objects.requireNonNull(providerId, "providerId");
        this.provider = provider;
        this.sources = Objects.requireNonNull(sources, "sources");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    /**
     * @param observer where the service reports its calls, e.g. a {@code MicrometerApprovalObserver}
     * @return a module like this one that reports to the observer
     */
    public ApprovalModule observedBy(ApprovalObserver observer) {
        return new ApprovalModule(providerId, provider, sources, clock, observer);
    }

    @Provides
    @Singleton
    ProviderRegistry providerRegistry() {
        return ProviderRegistry.load();
    }

    @Provides
    @Singleton
    ApprovalService approvalService(ProviderRegistry registry) {
        ApprovalProvider p = this.provider.orElseGet(() -> registry.provider(providerId));
        ApprovalService service = Approvals.connect(p, ProviderConfig.resolve(p.descriptor(), sources), clock, observer);
        if (!created.compareAndSet(null, service)) {
            // A second injector built from this module: keep one owner per module instance.
            service.close();
            throw new IllegalStateException("this ApprovalModule already created a service; use one module per injector");
        }
        return service;
    }

    /** Closes the service this module created, if any (its HTTP clients and other resources). Idempotent. */
    @Override
    public void close() {
        ApprovalService service = created.get();
        if (service != null) {
            service.close();
        }
    }
}
