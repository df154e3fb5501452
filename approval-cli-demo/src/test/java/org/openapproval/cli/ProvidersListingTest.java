package org.openapproval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * `approval providers` runs without picocli in its plain forms and prints exactly what picocli's command prints;
 * every other command line is picocli's, and a command line built for one subcommand is that subcommand as the
 * whole command line has it.
 */
class ProvidersListingTest {

    @Test
    void thePlainFormsAreTakenAndPrintWhatPicocliPrints() {
        for (List<String> args : List.of(List.of("providers"), List.of("providers", "-o", "json"),
                List.of("providers", "--output", "TABLE"), List.of("providers", "-o", "Json"))) {
            String[] argv = args.toArray(String[]::new);
            Optional<OutputOptions.Format> format = ProvidersListing.format(argv);
            assertTrue(format.isPresent(), args.toString());
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = ProvidersListing.run(format.get(), new PrintWriter(out, true), new PrintWriter(err, true));
            CliRun picocli = CliRun.of(argv);
            assertEquals(picocli.exitCode(), code, args.toString());
            assertEquals(picocli.out(), out.toString(), args.toString());
            assertEquals(picocli.err(), err.toString(), args.toString());
        }
    }

    @Test
    void everythingElseIsLeftToPicocli() {
        for (List<String> args : List.of(List.<String>of(), List.of("providers", "--help"), List.of("providers", "-o"),
                List.of("providers", "-o", "xml"), List.of("providers", "-ojson"), List.of("providers", "--output=json"),
                List.of("providers", "extra"), List.of("--verbose", "providers"), List.of("provders"),
                List.of("demo"), List.of("providers", "-o", "json", "--verbose"))) {
            assertEquals(Optional.empty(), ProvidersListing.format(args.toArray(String[]::new)), args.toString());
        }
    }

    @Test
    void aCommandLineBuiltForOneSubcommandHasItAsTheWholeOneDoes() {
        CliEnvironment environment = new CliEnvironment(Map.of(), Map.of(), Clock.systemUTC());
        CommandLine whole = ApprovalCli.newCommandLine(environment);
        assertEquals(ApprovalCli.commands().size(), whole.getSubcommands().size());
        for (String name : whole.getSubcommands().keySet()) {
            CommandLine one = ApprovalCli.forArguments(environment, name, "--help");
            assertEquals(List.of(name), List.copyOf(one.getSubcommands().keySet()));
            assertEquals(whole.getSubcommands().get(name).getUsageMessage(),
                    one.getSubcommands().get(name).getUsageMessage(), name);
            assertEquals(whole.getSubcommands().get(name).getSubcommands().keySet(),
                    one.getSubcommands().get(name).getSubcommands().keySet(), name);
        }
        assertEquals(List.of("providers"), List.copyOf(ApprovalCli.forArguments(environment, "--verbose", "providers")
                .getSubcommands().keySet()));
        assertEquals(whole.getSubcommands().keySet(), ApprovalCli.forArguments(environment, "--help")
                .getSubcommands().keySet(), "help lists every command");
        assertEquals(whole.getSubcommands().keySet(), ApprovalCli.forArguments(environment, "provders")
                .getSubcommands().keySet(), "a misspelt command gets suggestions from all of them");
    }

    @Test
    void inheritedOptionsAndSettingsReachASubcommandBuiltAlone() {
        assertEquals(0, CliRun.of("providers", "-o", "JSON", "--verbose").exitCode(), "case-insensitive, --verbose");
        assertEquals(0, CliRun.of("--verbose", "providers", "--output=json").exitCode());
    }
}
