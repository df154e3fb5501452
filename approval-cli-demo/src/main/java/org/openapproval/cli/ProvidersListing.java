package org.openapproval.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.openapproval.core.bootstrap.ProviderRegistry;

/**
 * {@code approval providers} in its plain forms, run without building the picocli command line. Listing is
 * what people run first and scripts run often, and picocli builds its model by reflection: a one-command
 * picocli program alone takes three to four times a bare JVM's start-up (see the benchmarks' README, "Cold
 * start"). Only {@code providers} and {@code providers -o|--output table|json} are taken here; anything else
 * (help, other spellings, mistakes) goes through picocli, which prints the same listing with the same code.
 */
final class ProvidersListing {
    private ProvidersListing() {
    }

    /** The output format, when the arguments are a plain listing; empty for everything picocli must parse. */
    static Optional<OutputOptions.Format> format(String... args) {
        if (args.length == 0 || !args[0].equals("providers")) {
            return Optional.empty();
        }
        if (args.length == 1) {
            return Optional.of(OutputOptions.Format.table);
        }
        if (args.length == 3 && (args[1].equals("-o") || args[1].equals("--output"))) {
            // picocli takes enum values in any case here (setCaseInsensitiveEnumValuesAllowed)
            for (OutputOptions.Format f : OutputOptions.Format.values()) {
                if (f.name().equalsIgnoreCase(args[2])) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }

    /** Lists the providers as {@code approval providers} does, failures reported as the CLI reports them. */
    static int run(OutputOptions.Format format, PrintWriter out, PrintWriter err) {
        try {
            // the listing shows no times, so the zone does not matter: UTC spares reading the zone database
            Renderer renderer = new Renderer(new CliEnvironment(Map.of(), Map.of(), Clock.systemUTC()));
            return Commands.Providers.list(ProviderRegistry.load(), renderer, format == OutputOptions.Format.json,
                    out, err);
        } catch (RuntimeException e) {
            ApprovalCli.report(e, err, false, text -> text);
            return ExitCodes.of(e);
        }
    }
}
