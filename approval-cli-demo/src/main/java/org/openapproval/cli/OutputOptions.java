package org.openapproval.cli;

import picocli.CommandLine.Option;

/** Human tables (default) or JSON for scripts. */
final class OutputOptions {
    enum Format { table, json }

    @Option(names = {"-o", "--output"}, paramLabel = "<format>", defaultValue = "table",
            description = "table or json; default: ${DEFAULT-VALUE}")
    Format format;

    boolean json() {
        return format == Format.json;
    }
}
