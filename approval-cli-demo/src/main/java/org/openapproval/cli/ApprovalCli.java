package org.openapproval.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.io.PrintWriter;
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
        subcommands = {Commands.Providers.class, DemoCommand.class, Commands.Definitions.class,
                Commands.Processes.class, Commands.Show.class, Commands.Query.class, Commands.Tasks.class,
                Commands.Approve.class, Commands.Reject.class, Commands.Return.class, Commands.ReturnTargets.class,
                Commands.Cancel.class, Commands.Start.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:refused by the domain (e.g. deciding a closed task) or not found",
                "2:usage, configuration or invalid request", "3:vendor or transport error", "4:unsupported capability"})
public final class ApprovalCli implements Runnable {
    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "print stack traces of failures")
    boolean verbose;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "a command is required (see --help)");
    }

    public static void main(String[] args) {
        System.exit(newCommandLine(CliEnvironment.ofThisProcess()).execute(args));
    }

    /** The command line, wired by Guice, with the documented exit codes; tests run it in-process. */
    static CommandLine newCommandLine(CliEnvironment environment) {
        Injector injector = Guice.createInjector(new CliModule(environment));
        CommandLine cli = new CommandLine(ApprovalCli.class, new GuiceFactory(injector));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            report(e, commandLine.getErr(), isVerbose(commandLine));
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

    /** One clear line: what failed, the vendor's code and trace id when known, and what to do. */
    static void report(Throwable e, PrintWriter err, boolean verbose) {
        String what = e instanceof ApprovalException a ? a.getMessage() : e.getMessage();
        err.println("approval: " + (what == null ? e.getClass().getSimpleName() : Renderer.oneLine(what))
                + hint(ExitCodes.of(e)));
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
    }

    private static String hint(int exitCode) {
        return switch (exitCode) {
            case ExitCodes.USAGE -> " (check the arguments, and `approval providers` for the provider's config keys)";
            case ExitCodes.UNSUPPORTED -> " (see `approval providers` for what each provider can do)";
            case ExitCodes.VENDOR -> " (the vendor or the network failed; retry later or run with --verbose)";
            default -> "";
        };
    }

    /** The version from the jar manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ApprovalCli.class.getPackage().getImplementationVersion();
            return new String[] {"approval " + (v == null ? "0.1.0-SNAPSHOT" : v)};
        }
    }
}
