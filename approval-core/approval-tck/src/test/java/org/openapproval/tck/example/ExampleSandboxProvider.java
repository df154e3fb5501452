package org.openapproval.tck.example;

import java.time.Clock;
import org.openapproval.sandbox.kit.ProviderSandbox;
import org.openapproval.sandbox.kit.SandboxProvider;

/** Registers the example sandbox in {@code META-INF/services/org.openapproval.sandbox.kit.SandboxProvider}. */
public final class ExampleSandboxProvider implements SandboxProvider {
    @Override
    public String providerId() {
        return ExampleProvider.ID;
    }

    @Override
    public ProviderSandbox start(Clock clock) {
        return new ExampleSandbox(clock);
    }
}
