package org.openapproval.core.testing;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openapproval.core.domain.DecisionPolicy;
import org.openapproval.core.domain.ErrorContext;
import org.openapproval.core.domain.Verdict;
import org.openapproval.core.spi.ApprovalProvider;
import org.openapproval.core.spi.Capability;
import org.openapproval.core.spi.ConfigKey;
import org.openapproval.core.spi.DefinitionSeed;
import org.openapproval.core.spi.Fault;
import org.openapproval.core.spi.ProcessSeed;
import org.openapproval.core.spi.ProviderConfig;
import org.openapproval.core.spi.ProviderConfigurationException;
import org.openapproval.core.spi.ProviderDescriptor;
import org.openapproval.core.spi.ProviderPorts;
import org.openapproval.core.spi.ProviderSandbox;
import org.openapproval.core.spi.SandboxFactory;
import org.openapproval.core.spi.SeededProcess;

/**
 * Provider {@code in-memory}: every capability, over an {@link InMemoryApprovalStore}. For domain-level
 * tests and demos; no HTTP, no vendor account. Registered by ServiceLoader.
 */
public final class InMemoryApprovalProvider implements ApprovalProvider {
    static final String STORE = "store";
    static final String COMMENTS_REQUIRED = "comments-required";

    private static final ProviderDescriptor DESCRIPTOR = new ProviderDescriptor(InMemoryApprovalStore.PROVIDER_ID,
            "In-memory (for tests and demos)",
            List.of(ConfigKey.optional(STORE, "default", "name of the in-memory store to use"),
                    ConfigKey.optional(COMMENTS_REQUIRED, "false",
                            "true to require a comment on every decision, as some vendors do")),
            EnumSet.allOf(Capability.class));

    @Override
    public ProviderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ProviderPorts create(ProviderConfig config) {
        config.validate();
        InMemoryApprovalStore store = InMemoryApprovalStore.named(config.require(STORE));
        String commentsRequired = config.require(COMMENTS_REQUIRED);
        if (!commentsRequired.equals("true") && !commentsRequired.equals("false")) {
            throw new ProviderConfigurationException(DESCRIPTOR.id() + "." + COMMENTS_REQUIRED + " is '"
                    + commentsRequired + "'; expected true or false", ErrorContext.provider(DESCRIPTOR.id()), null);
        }
        InMemoryPorts ports = new InMemoryPorts(store);
        return ProviderPorts.builder(DESCRIPTOR.id())
                .definitionCatalog(ports)
                .processReader(ports)
                .processSearch(ports)
                .taskInbox(ports)
                .decisionWriter(ports, EnumSet.allOf(Verdict.class))
                .processCanceller(ports)
                .processStarter(ports)
                .decisionPolicy(Boolean.parseBoolean(commentsRequired)
                        ? DecisionPolicy.commentsRequired() : DecisionPolicy.commentsOptional())
                .build();
    }

    @Override
    public Optional<SandboxFactory> sandbox() {
        return Optional.of(Sandbox::new);
    }

    /** The in-memory "sandbox": a fresh store of its own, released on close. */
    private static final class Sandbox implements ProviderSandbox {
        private final InMemoryApprovalStore store;

        Sandbox(Clock clock) {
            store = InMemoryApprovalStore.create(clock);
        }

        @Override
        public String providerId() {
            return DESCRIPTOR.id();
        }

        @Override
        public Map<String, String> connectionConfig() {
            return store.connectionConfig();
        }

        @Override
        public String seedDefinition(DefinitionSeed seed) {
            return store.seedDefinition(seed);
        }

        @Override
        public SeededProcess seedProcess(ProcessSeed seed) {
            return store.seedProcess(seed);
        }

        @Override
        public void injectFault(Fault fault) {
            store.injectFault(fault);
        }

        @Override
        public void clearFaults() {
            store.clearFaults();
        }

        @Override
        public long requestCount() {
            return store.requestCount();
        }

        @Override
        public void close() {
            store.release();
        }
    }
}
