package org.openapproval.cli;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that talks to one provider: opens the session, runs, closes it (and its sandbox). */
abstract class ConnectedCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Inject
    Connector connector;

    @Inject
    Renderer renderer;

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Session session = connector.open(connection, err)) {
            run(session, out, err);
        }
        out.flush();
        return ExitCodes.OK;
    }

    abstract void run(Session session, PrintWriter out, PrintWriter err);

    void print(PrintWriter out, Object jsonDocument, String text) {
        out.print(output.json() ? renderer.json(jsonDocument) + System.lineSeparator() : text);
    }
}
