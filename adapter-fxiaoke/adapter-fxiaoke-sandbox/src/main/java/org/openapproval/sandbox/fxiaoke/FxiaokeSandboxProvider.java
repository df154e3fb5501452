package org.openapproval.sandbox.fxiaoke;

import java.time.Clock;
import org.openapproval.sandbox.kit.ProviderSandbox;
import org.openapproval.sandbox.kit.SandboxProvider;

/** Registers the Fxiaoke sandbox with the sandbox kit's ServiceLoader lookup. */
public final class FxiaokeSandboxProvider implements SandboxProvider {
    @Override
    public String providerId() {
        return FxiaokeSandbox.PROVIDER_ID;
    }

    @Override
    public ProviderSandbox start(Clock clock) {
        return FxiaokeSandbox.start(clock);
    }
}
