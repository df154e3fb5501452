package org.openapproval.sandbox.kit;

import java.time.Clock;

/**
 * The service a vendor sandbox registers in {@code META-INF/services/org.openapproval.sandbox.kit.SandboxProvider}:
 * it starts that vendor's simulator. Kept apart from {@code ApprovalProvider} on purpose, so production
 * jars never carry simulator code and a sandbox never needs a provider class. Implementations must be
 * cheap to construct (a public no-arg constructor, no I/O); {@link Sandboxes} instantiates each one to
 * read its {@link #providerId()}.
 */
public interface SandboxProvider {

    /** The id of the provider this sandbox simulates a vendor for, e.g. {@code fxiaoke}. */
    String providerId();

    /**
     * Starts a fresh simulator (for HTTP sandboxes on 127.0.0.1, on a random free port) with empty state.
     *
     * @param clock the sandbox's notion of time (token expiry, timestamps); inject a fixed clock in tests
     */
    ProviderSandbox start(Clock clock);

    default ProviderSandbox start() {
        return start(Clock.systemUTC());
    }
}
