package org.openapproval.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;

/** One in-process run of the CLI with captured streams and an empty environment. */
record CliRun(int exitCode, String out, String err) {
    static CliRun of(String... args) {
        return withClock(Clock.systemUTC(), args);
    }

    /** A run whose clock is given (doctor's skew check, times in a zone). */
    static CliRun withClock(Clock clock, String... args) {
        CommandLine cli = ApprovalCli.forArguments(new CliEnvironment(Map.of(), Map.of(), clock), args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
