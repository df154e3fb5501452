package org.openapproval.cli;

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
import org.openapproval.sandbox.kit.DefinitionSeed;
import org.openapproval.core.domain.InputParameter;
import org.openapproval.sandbox.kit.ProcessSeed;
import org.openapproval.core.spi.ProviderConfig;
import org.openapproval.core.bootstrap.ProviderRegistry;
import org.openapproval.sandbox.kit.ProviderSandbox;
import org.openapproval.sandbox.kit.SeededProcess;
import org.openapproval.sandbox.kit.Sandboxes;

/**
 * Opens a {@link Session}: real settings from a file, the environment and system properties, or the
 * provider's sandbox when asked for or when none of the provider's keys is configured.
 */
final class Connector {
    static final UserRef ALICE = new UserRef("alice", "Alice (requester)");
    static final UserRef BOB = new UserRef("bob", "Bob (manager)");
    static final UserRef CAROL = new UserRef("carol", "Carol (finance)");
    static final UserRef DAVE = new UserRef("dave", "Dave (finance)");
    static final String EXPENSE_CLAIM = "Expense claim";

    private final ProviderRegistry registry;
    private final Sandboxes sandboxes;
    private final CliEnvironment environment;

    Connector(ProviderRegistry registry, Sandboxes sandboxes, CliEnvironment environment) {
        this.registry = registry;
        this.sandboxes = sandboxes;
        this.environment = environment;
    }

    /** The provider of that id (found by the registry, not created). */
    ApprovalProvider provider(String id) {
        return registry.provider(id);
    }

    Session open(ConnectionOptions options, PrintWriter err) {
        ApprovalProvider provider = registry.provider(options.provider);
        ConfigSources sources = sources(options);
        if (options.sandbox || (options.configFile().isEmpty() && !configured(provider, sources))) {
            return sandboxed(provider, err);
        }
        ProviderConfig config = ProviderConfig.resolve(provider.descriptor(), sources);
        return connect(provider, config);
    }

    /** The layered settings for these options: file < environment < system properties. */
    ConfigSources sources(ConnectionOptions options) {
        ConfigSources sources = new ConfigSources(Map.of(), environment.environment(),
                environment.systemProperties(), Map.of());
        return options.configFile().map(sources::withPropertiesFile).orElse(sources);
    }

    /** Whether any of the provider's keys is set at all (a config file counts). */
    boolean configured(ConnectionOptions options) {
        return options.configFile().isPresent() || configured(registry.provider(options.provider), sources(options));
    }

    Session connect(ApprovalProvider provider, ProviderConfig config) {
        remember(config);
        return new Session(Approvals.connect(provider, config, environment.clock()), Optional.empty(),
                Optional.empty());
    }

    /** Starts the provider's sandbox, connects to it and seeds one sample record awaiting approval. */
    Session sandboxed(ApprovalProvider provider, PrintWriter err) {
        String id = provider.descriptor().id();
        ProviderSandbox sandbox = sandboxes.forProvider(id).orElseThrow(() -> new IllegalArgumentException(
                "provider " + id + " has no sandbox on the class path; configure its keys instead (see `approval providers`)"))
                .start(environment.clock());
        try {
            ApprovalProvider sandboxProvider = sandbox.provider();
            ApprovalService service = Approvals.connect(sandboxProvider,
                    ProviderConfig.of(sandboxProvider.descriptor(), sandbox.connectionConfig()), environment.clock());
            SeededProcess sample = sandbox.seedProcess(sampleFlow("Sample contract"));
            sandbox.seedDefinition(new DefinitionSeed(EXPENSE_CLAIM, List.of(new InputParameter("amount", "number",
                    true, Optional.of("claimed amount")))));
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

    /**
     * Whether the user configured this provider at all: any environment variable or system property with its
     * prefix counts, even a misspelt one, so a typo fails loudly instead of silently using the sandbox.
     */
    private static boolean configured(ApprovalProvider provider, ConfigSources sources) {
        String id = provider.descriptor().id();
        String envPrefix = ConfigKey.optional("x", null, "").environmentName(id);
        String envStart = envPrefix.substring(0, envPrefix.length() - 1);
        return sources.environment().keySet().stream().anyMatch(k -> k.startsWith(envStart))
                || sources.systemProperties().keySet().stream().anyMatch(k -> k.startsWith(id + "."));
    }

    private final java.util.Set<String> secrets = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private void remember(ProviderConfig config) {
        for (ConfigKey key : config.descriptor().configKeys()) {
            if (key.secret()) {
                config.get(key.name()).filter(v -> v.length() >= 4).ifPresent(secrets::add);
            }
        }
    }

    /** Cuts configured secret values out of text about to be printed. */
    String redact(String text) {
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, "****");
        }
        return out;
    }
}
