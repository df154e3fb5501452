package org.openapproval.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** How a command reaches a provider: which one, and the sandbox or real settings. */
final class ConnectionOptions {
    @Option(names = {"-p", "--provider"}, paramLabel = "<id>", defaultValue = "in-memory",
            description = "provider id (see `approval providers`); default: ${DEFAULT-VALUE}")
    String provider;

    @Option(names = "--sandbox", description = "use the provider's embedded sandbox (the default when none of the "
            + "provider's keys is configured); it starts with one sample record awaiting approval")
    boolean sandbox;

    @Option(names = {"-c", "--config"}, paramLabel = "<file>",
            description = "properties file with <provider>.<key>=value settings (beneath environment variables "
                    + "APPROVAL_<PROVIDER>_<KEY> and -D<provider>.<key>=value system properties)")
    Path config;

    Optional<Path> configFile() {
        return Optional.ofNullable(config);
    }
}
