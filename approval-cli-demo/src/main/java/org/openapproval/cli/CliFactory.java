package org.openapproval.cli;

import org.openapproval.core.bootstrap.ProviderRegistry;
import org.openapproval.sandbox.kit.Sandboxes;
import picocli.CommandLine;

/**
 * Creates the commands with what they need; picocli asks it for every command, and gets its own default
 * factory's answer for anything else (mixins, the version provider, converters). Written by hand rather than
 * by an injector: the CLI is a dozen commands sharing four objects, and an injector's hundreds of classes
 * cost more start-up time than the listing commands themselves.
 */
final class CliFactory implements CommandLine.IFactory {
    private final CliEnvironment environment;
    private final ProviderRegistry registry;
    private final Sandboxes sandboxes;
    private final Connector connector;
    private final Renderer renderer;

    CliFactory(CliEnvironment environment) {
        this.environment = environment;
        // finding providers instantiates them, which is cheap: none creates a client until it is connected
        this.registry = ProviderRegistry.load();
        this.sandboxes = Sandboxes.load();
        this.connector = new Connector(registry, sandboxes, environment);
        this.renderer = new Renderer(environment);
    }

    /** Cuts configured secrets out of text about to be printed (see {@link Connector#redact}). */
    String redact(String text) {
        return connector.redact(text);
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (type == Commands.Providers.class) {
            return type.cast(new Commands.Providers(registry, renderer));
        } else if (type == DemoCommand.class) {
            return type.cast(new DemoCommand(registry, connector, renderer));
        } else if (type == DoctorCommand.class) {
            return type.cast(new DoctorCommand(registry, connector, environment));
        } else if (type == SandboxCommand.Serve.class) {
            return type.cast(new SandboxCommand.Serve(registry, sandboxes, environment));
        } else if (type == Commands.Definitions.class) {
            return type.cast(new Commands.Definitions(connector, renderer));
        } else if (type == Commands.Processes.class) {
            return type.cast(new Commands.Processes(connector, renderer));
        } else if (type == Commands.Show.class) {
            return type.cast(new Commands.Show(connector, renderer));
        } else if (type == Commands.Query.class) {
            return type.cast(new Commands.Query(connector, renderer));
        } else if (type == Commands.Tasks.class) {
            return type.cast(new Commands.Tasks(connector, renderer));
        } else if (type == Commands.Approve.class) {
            return type.cast(new Commands.Approve(connector, renderer));
        } else if (type == Commands.Reject.class) {
            return type.cast(new Commands.Reject(connector, renderer));
        } else if (type == Commands.Return.class) {
            return type.cast(new Commands.Return(connector, renderer));
        } else if (type == Commands.ReturnTargets.class) {
            return type.cast(new Commands.ReturnTargets(connector, renderer));
        } else if (type == Commands.Cancel.class) {
            return type.cast(new Commands.Cancel(connector, renderer));
        } else if (type == Commands.Start.class) {
            return type.cast(new Commands.Start(connector, renderer));
        }
        return CommandLine.defaultFactory().create(type);
    }
}
