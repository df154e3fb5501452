package org.openapproval.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import org.openapproval.core.domain.ApprovalException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code approval}: the OpenApproval command line. Every command works on any provider on the class path,
 * on its embedded sandbox by default. Exit codes: 0 ok, 1 refused by the domain (or not found),
 * 2 usage, configuration or invalid request, 3 vendor or transport error, 4 unsupported capability.
 */
@Command(name = "approval", mixinStandardHelpOptions = true, versionProvider = ApprovalCli.Version.class,
        description = "Read and act on approvals in third-party systems through one vendor-neutral model.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:refused by the domain (e.g. deciding a closed task) or not found",
                "2:usage, configuration or invalid request", "3:vendor or transport error", "4:unsupported capability"})
public final class ApprovalCli implements Runnable {
    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "print stack traces of failures")
    boolean verbose;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (see --help)");
    }

    public static void main(String[] args) {
        // vendor data is often Chinese: write UTF-8 whatever the platform's default encoding is
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out,
                java.nio.charset.StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err,
                java.nio.charset.StandardCharsets.UTF_8), true);
        // the plain listing needs neither picocli nor the set-up below (see ProvidersListing)
        Optional<OutputOptions.Format> listing = ProvidersListing.format(args);
        if (listing.isPresent()) {
            System.exit(ProvidersListing.run(listing.get(), out, err));
        }
        // the library logs through SLF4J, which the bundled slf4j-nop discards; what still logs through
        // java.util.logging (the JDK's System.Logger default, Guice, Guava) is switched off too, so problems
        // reach the user only as the CLI's own one-line errors
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.OFF);
        // the sandboxes' JDK HTTP server otherwise waits ~40 ms per answer for a delayed ACK (Nagle); the
        // application, not the library, decides JVM-wide settings
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        CommandLine cli = forArguments(CliEnvironment.ofThisProcess(), args);
        cli.setOut(out);
        cli.setErr(err);
        System.exit(cli.execute(args));
    }

    /** The subcommands, in the order help lists them. */
    static List<Class<?>> commands() {
        return List.of(Commands.Providers.class, DemoCommand.class, Commands.Definitions.class,
                Commands.Processes.class, Commands.Show.class, Commands.Query.class, Commands.Tasks.class,
                Commands.Approve.class, Commands.Reject.class, Commands.Return.class, Commands.ReturnTargets.class,
                Commands.Cancel.class, Commands.Start.class, SandboxCommand.class, DoctorCommand.class);
    }

    /** The whole command line, every subcommand (what {@code approval --help} lists). */
    static CommandLine newCommandLine(CliEnvironment environment) {
        return newCommandLine(environment, commands());
    }

    /**
     * The command line for these arguments, as {@link #main} runs it; tests run it in-process. When the
     * arguments name a subcommand, only that one is built: picocli reflects over every field and method of each
     * command it builds, which for all of them was a third of the start-up of {@code approval providers}.
     * Anything else (help, no or a misspelt command, which picocli answers with suggestions) gets them all.
     */
    static CommandLine forArguments(CliEnvironment environment, String... args) {
        return newCommandLine(environment, named(args).<List<Class<?>>>map(List::of).orElseGet(ApprovalCli::commands));
    }

    /** The subcommand the arguments name: the first one, or the second after the root's only option. */
    private static Optional<Class<?>> named(String[] args) {
        int at = args.length > 1 && args[0].equals("--verbose") ? 1 : 0;
        if (args.length == 0 || args[at].startsWith("-")) {
            return Optional.empty();
        }
        for (Class<?> command : commands()) {
            if (command.getAnnotation(Command.class).name().equals(args[at])) {
                return Optional.of(command);
            }
        }
        return Optional.empty();
    }

    /** The command line with these subcommands, wired by {@link CliFactory}, with the documented exit codes. */
    private static CommandLine newCommandLine(CliEnvironment environment, List<Class<?>> subcommands) {
        CliFactory factory = new CliFactory(environment);
        CommandLine cli = new CommandLine(ApprovalCli.class, factory);
        // added before the settings below, which apply to the subcommands present when they are made
        subcommands.forEach(cli::addSubcommand);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            report(e, commandLine.getErr(), isVerbose(commandLine), factory::redact);
            return ExitCodes.of(e);
        });
        cli.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("approval: " + e.getMessage());
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            err.flush();
            return ExitCodes.USAGE;
        });
        return cli;
    }

    private static boolean isVerbose(CommandLine commandLine) {
        CommandLine root = commandLine;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        return root.getCommand() instanceof ApprovalCli c && c.verbose;
    }

    /**
     * One clear line: what failed, the vendor's code and trace id when known, and what to do. Configured
     * secret values are cut out of everything printed, vendor messages and stack traces included.
     */
    static void report(Throwable e, PrintWriter err, boolean verbose, java.util.function.UnaryOperator<String> redact) {
        String what = e.getMessage() == null ? e.getClass().getSimpleName() : Renderer.oneLine(e.getMessage());
        err.println(TerminalText.line(redact.apply("approval: " + what + hint(e, verbose))));
        if (verbose) {
            java.io.StringWriter trace = new java.io.StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            err.print(TerminalText.lines(redact.apply(trace.toString().replace(System.lineSeparator(), "\n"))));
        }
        err.flush();
    }

    private static String hint(Throwable e, boolean verbose) {
        if (e instanceof org.openapproval.core.domain.OutcomeUnknownException) {
            return " (look at the process with `approval show` before trying again)";
        }
        if (e instanceof org.openapproval.core.domain.AuthenticationException) {
            return " (check the provider's credentials; `approval providers` lists its keys)";
        }
        if (e instanceof org.openapproval.core.domain.PermissionDeniedException) {
            return " (the credentials are valid but lack permission for this)";
        }
        if (e instanceof org.openapproval.core.domain.QuotaExhaustedException) {
            return " (the vendor's call quota is used up; retrying soon will not help)";
        }
        if (e instanceof org.openapproval.core.spi.ProviderConfigurationException) {
            return " (`approval providers` lists the provider's config keys; `approval doctor` checks them)";
        }
        return switch (ExitCodes.of(e)) {
            case ExitCodes.USAGE -> e instanceof IllegalArgumentException && !(e instanceof ApprovalException)
                    ? " (check the arguments: ids paste as printed by `processes`, `tasks`, `show` or `-o json`)"
                    : " (check the arguments)";
            case ExitCodes.UNSUPPORTED -> " (see `approval providers` for what each provider can do)";
            case ExitCodes.VENDOR -> e instanceof ApprovalException ? (verbose ? " (retry later)"
                    : " (retry later, or run with --verbose for details)")
                    : " (an internal error" + (verbose ? ")" : "; run with --verbose for the stack trace)");
            default -> "";
        };
    }

    /** The version from the jar manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ApprovalCli.class.getPackage().getImplementationVersion();
            return new String[] {"approval " + (v == null ? "(development build)" : v)};
        }
    }
}
