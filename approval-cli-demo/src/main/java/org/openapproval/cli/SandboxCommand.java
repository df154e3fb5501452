package org.openapproval.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.openapproval.core.bootstrap.ProviderRegistry;
import org.openapproval.core.spi.ApprovalProvider;
import org.openapproval.core.spi.ConfigKey;
import org.openapproval.sandbox.kit.ProviderSandbox;
import org.openapproval.sandbox.kit.Sandboxes;
import org.openapproval.sandbox.kit.SeededProcess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code approval sandbox serve}: a provider's sandbox that outlives one command, for trying commands by hand. */
@Command(name = "sandbox", mixinStandardHelpOptions = true, subcommands = SandboxCommand.Serve.class,
        description = "Run a provider's sandbox for other `approval` commands to use.")
final class SandboxCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: serve");
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = {"Start the provider's sandbox in the foreground, seed a small scenario and print the "
                    + "config that points other `approval` commands at it. Ctrl-C stops it.",
                    "Only HTTP sandboxes (fxiaoke, nocoly) can be served: the in-memory provider lives inside "
                            + "one process and cannot be reached from another."})
    static final class Serve implements Callable<Integer> {
        @Option(names = {"-p", "--provider"}, required = true, paramLabel = "<id>", description = "fxiaoke or nocoly")
        String provider;
        @Option(names = "--write-config", paramLabel = "<file>",
                description = "also write the config to this properties file (for --config)")
        Path writeConfig;

        @Spec
        CommandSpec spec;
        private final ProviderRegistry registry;
        private final Sandboxes sandboxes;
        private final CliEnvironment environment;

        Serve(ProviderRegistry registry, Sandboxes sandboxes, CliEnvironment environment) {
            this.registry = registry;
            this.sandboxes = sandboxes;
            this.environment = environment;
        }

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            ApprovalProvider approvalProvider = registry.provider(provider);
            ProviderSandbox sandbox = sandboxes.forProvider(provider).orElseThrow(() -> new IllegalArgumentException(
                    "provider " + provider + " has no sandbox on the class path")).start(environment.clock());
            // an empty connection config means the sandbox lives in this JVM only (in-memory): nothing to serve
            if (sandbox.connectionConfig().isEmpty()) {
                sandbox.close();
                throw new IllegalArgumentException("the " + provider + " sandbox runs inside one process and "
                        + "cannot be served to others; only HTTP sandboxes can (fxiaoke, nocoly). Use `approval demo "
                        + "-p " + provider + "` or the in-memory provider from Java instead");
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                sandbox.close();
                out.println("sandbox stopped");
                out.flush();
                stopped.countDown();
            }, "approval-sandbox-stop"));
            SeededProcess first = sandbox.seedProcess(Connector.sampleFlow("Sample contract"));
            SeededProcess second = sandbox.seedProcess(Connector.sampleFlow("Second contract"));
            List<String> fileLines = new ArrayList<>();
            List<String> envLines = new ArrayList<>();
            for (Map.Entry<String, String> e : sandbox.connectionConfig().entrySet()) {
                Optional<ConfigKey> key = approvalProvider.descriptor().configKey(e.getKey());
                fileLines.add(provider + "." + e.getKey() + "=" + e.getValue());
                envLines.add("export " + key.map(k -> k.environmentName(provider))
                        .orElse("APPROVAL_" + provider.toUpperCase(java.util.Locale.ROOT) + "_"
                                + e.getKey().toUpperCase(java.util.Locale.ROOT).replace('-', '_'))
                        + "=" + e.getValue());
            }
            if (writeConfig != null) {
                try {
                    Files.write(writeConfig, fileLines, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    sandbox.close();
                    throw new UncheckedIOException("cannot write " + writeConfig, e);
                }
            }
            out.println(provider + " sandbox serving at " + sandbox.connectionConfig().get("endpoint")
                    + " (its credentials are the sandbox's own, not secrets)");
            out.println();
            out.println("# as a --config file" + (writeConfig == null ? "" : " (written to " + writeConfig + ")") + ":");
            fileLines.forEach(out::println);
            out.println();
            out.println("# or as environment lines:");
            envLines.forEach(out::println);
            out.println();
            out.println("seeded: Alice's contract on record " + first.record() + " is process " + first.process());
            out.println("        a second one on record " + second.record() + " is process " + second.process());
            String c = writeConfig == null ? "<file>" : writeConfig.toString();
            out.println("try:    approval show " + first.process() + " -p " + provider + " -c " + c);
            out.println("        approval tasks --user bob -p " + provider + " -c " + c);
            out.println("ready; Ctrl-C stops the sandbox");
            out.flush();
            stopped.await();
            return ExitCodes.OK;
        }
    }
}
