package org.openapproval.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import jakarta.inject.Singleton;
import org.openapproval.core.bootstrap.ProviderRegistry;
import org.openapproval.sandbox.kit.Sandboxes;

/** Wires the commands: one registry (discovered on first use), one connector, one renderer, the environment. */
final class CliModule extends AbstractModule {
    private final CliEnvironment environment;

    CliModule(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    protected void configure() {
        bind(CliEnvironment.class).toInstance(environment);
        bind(Connector.class).in(Singleton.class);
        bind(Renderer.class).in(Singleton.class);
    }

    @Provides
    @Singleton
    ProviderRegistry registry() {
        return ProviderRegistry.load();
    }

    @Provides
    @Singleton
    Sandboxes sandboxes() {
        return Sandboxes.load();
    }
}
