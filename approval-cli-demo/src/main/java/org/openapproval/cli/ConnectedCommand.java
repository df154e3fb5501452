package org.openapproval.cli;

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

    final Connector connector;
    final Renderer renderer;

    ConnectedCommand(Connector connector, Renderer renderer) {
        this.connector = connector;
        this.renderer = renderer;
    }

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        validate();
        // refuse what the provider can never do before starting a sandbox or calling a vendor
        needs().ifPresent(c -> {
            org.openapproval.core.spi.ProviderDescriptor d = connector.provider(connection.provider).descriptor();
            if (!d.capabilities().contains(c)) {
                throw new org.openapproval.core.port.in.UnsupportedCapabilityException(connection.provider, c,
                        d.unsupportedReason(c).orElse(org.openapproval.core.spi.ProviderDescriptor.NOT_OFFERED));
            }
        });
        try (Session session = connector.open(connection, err)) {
            run(session, out, err);
        }
        out.flush();
        return ExitCodes.OK;
    }

    abstract void run(Session session, PrintWriter out, PrintWriter err);

    /** Checks the arguments (ids parse, …) before anything is started. */
    void validate() {
    }

    /** The capability the command needs, checked against the provider's description before connecting. */
    java.util.Optional<org.openapproval.core.port.in.Capability> needs() {
        return java.util.Optional.empty();
    }

    void print(PrintWriter out, Object jsonDocument, String text) {
        out.print(output.json() ? renderer.json(jsonDocument) + System.lineSeparator() : text);
    }
}
