package org.openapproval.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What the CLI takes from its surroundings, injected so tests run it in-process deterministically: the
 * environment and system properties it reads configuration from, and its clock.
 */
record CliEnvironment(Map<String, String> environment, Map<String, String> systemProperties, Clock clock) {
    CliEnvironment {
        environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        systemProperties = Map.copyOf(Objects.requireNonNull(systemProperties, "systemProperties"));
        Objects.requireNonNull(clock, "clock");
    }

    static CliEnvironment ofThisProcess() {
        Map<String, String> props = new java.util.HashMap<>();
        System.getProperties().forEach((k, v) -> props.put(String.valueOf(k), String.valueOf(v)));
        // the default zone: people read times in their own (TZ=… changes it)
        return new CliEnvironment(System.getenv(), props, Clock.systemDefaultZone());
    }

    /** For output that must not go through picocli's writers (never secrets). */
    static void note(PrintWriter err, String message) {
        err.println(message);
        err.flush();
    }
}
