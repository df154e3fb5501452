package org.openapproval.cli;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openapproval.core.Approvals;
import org.openapproval.core.domain.ApprovalMode;
import org.openapproval.core.domain.StepPlan;
import org.openapproval.core.domain.UserRef;
import org.openapproval.core.port.in.ApprovalService;
import org.openapproval.core.spi.ApprovalProvider;
import org.openapproval.core.spi.ConfigKey;
import org.openapproval.core.spi.ConfigSources;
import org.openapproval.core.spi.ProcessSeed;
import org.openapproval.core.spi.ProviderConfig;
import org.openapproval.core.spi.ProviderRegistry;
import org.openapproval.core.spi.ProviderSandbox;
import org.openapproval.core.spi.SeededProcess;

/**
 * Opens a {@link Session}: real settings from a file, the environment and system properties, or the
 * provider's sandbox when asked for or when none of the provider's keys is configured.
 */
final class Connector {
    static final UserRef ALICE = new UserRef("alice", "Alice (requester)");
    static final UserRef BOB = new UserRef("bob", "Bob (manager)");
    static final UserRef CAROL = new UserRef("carol", "Carol (finance)");
    static final UserRef DAVE = new UserRef("dave", "Dave (finance)");

    private final ProviderRegistry registry;
    private final CliEnvironment environment;

    @Inject
    Connector(ProviderRegistry registry, CliEnvironment environment) {
        this.registry = registry;
        this.environment = environment;
    }

    Session open(ConnectionOptions options, PrintWriter err) {
        ApprovalProvider provider = registry.provider(options.provider);
        ConfigSources sources = new ConfigSources(Map.of(), environment.environment(),
                environment.systemProperties(), Map.of());
        if (options.configFile().isPresent()) {
            sources = sources.withPropertiesFile(options.configFile().get());
        }
        if (options.sandbox || !configured(provider, sources)) {
            return sandboxed(provider, err);
        }
        ProviderConfig config = ProviderConfig.resolve(provider.descriptor(), sources);
        return new Session(Approvals.connect(provider, config, environment.clock()), Optional.empty(),
                Optional.empty());
    }

    /** Starts the provider's sandbox, connects to it and seeds one sample record awaiting approval. */
    Session sandboxed(ApprovalProvider provider, PrintWriter err) {
        String id = provider.descriptor().id();
        ProviderSandbox sandbox = provider.sandbox().orElseThrow(() -> new IllegalArgumentException(
                "provider " + id + " has no sandbox; configure its keys instead (see `approval providers`)"))
                .start(environment.clock());
        try {
            ApprovalService service = Approvals.connect(provider,
                    ProviderConfig.of(provider.descriptor(), sandbox.connectionConfig()), environment.clock());
            SeededProcess sample = sandbox.seedProcess(sampleFlow("Sample contract"));
            CliEnvironment.note(err, "[" + id + " sandbox] seeded record " + sample.record() + " with process "
                    + sample.process());
            return new Session(service, Optional.of(sandbox), Optional.of(sample));
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
    }

    static ProcessSeed sampleFlow(String title) {
        return new ProcessSeed("Contract review", title, ALICE,
                List.of(StepPlan.approval("Manager review", ApprovalMode.SINGLE, BOB),
                        StepPlan.approval("Finance review", ApprovalMode.ALL_OF, CAROL, DAVE)));
    }

    /** Whether any of the provider's keys is set in a file, the environment or system properties. */
    private static boolean configured(ApprovalProvider provider, ConfigSources sources) {
        String id = provider.descriptor().id();
        for (ConfigKey key : provider.descriptor().configKeys()) {
            if (sources.propertiesFile().containsKey(key.fullName(id))
                    || sources.environment().containsKey(key.environmentName(id))
                    || sources.systemProperties().containsKey(key.fullName(id))) {
                return true;
            }
        }
        return false;
    }
}
