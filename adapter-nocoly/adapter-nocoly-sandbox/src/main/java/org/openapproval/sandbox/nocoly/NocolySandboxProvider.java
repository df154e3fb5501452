package org.openapproval.sandbox.nocoly;

import java.time.Clock;
import org.openapproval.sandbox.kit.ProviderSandbox;
import org.openapproval.sandbox.kit.SandboxProvider;

/** Registers the Nocoly sandbox with the sandbox kit's ServiceLoader lookup. */
public final class NocolySandboxProvider implements SandboxProvider {
    @Override
    public String providerId() {
        return NocolySandbox.PROVIDER_ID;
    }

    @Override
    public ProviderSandbox start(Clock clock) {
        return NocolySandbox.start(clock);
    }
}
