package org.openapproval.core.spi;

import java.time.Clock;

/** Starts a provider's embedded vendor simulator on 127.0.0.1 (a random free port for HTTP sandboxes). */
public interface SandboxFactory {
    /** @param clock the sandbox's notion of time (token expiry, timestamps); inject a fixed clock in tests */
    ProviderSandbox start(Clock clock);

    default ProviderSandbox start() {
        return start(Clock.systemUTC());
    }
}
