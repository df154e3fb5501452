package org.openapproval.tck.inmemory;

import java.time.Clock;
import java.util.Map;
import org.openapproval.sandbox.inmemory.InMemorySandboxProvider;
import org.openapproval.sandbox.kit.ProviderSandbox;
import org.openapproval.tck.ApprovalProviderContract;

/** The contract again with the policy a vendor like Fxiaoke declares: every decision needs a comment. */
class InMemoryProviderWithRequiredCommentsContractTest extends ApprovalProviderContract {
    @Override
    protected ProviderSandbox startSandbox(Clock clock) {
        return new InMemorySandboxProvider().start(clock);
    }

    @Override
    protected Map<String, String> extraConfig() {
        return Map.of("comments-required", "true");
    }
}
