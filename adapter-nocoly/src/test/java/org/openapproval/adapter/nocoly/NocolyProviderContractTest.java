package org.openapproval.adapter.nocoly;

import org.openapproval.core.spi.ApprovalProvider;
import org.openapproval.sandbox.kit.ProviderSandbox;
import org.openapproval.sandbox.nocoly.NocolySandboxProvider;
import org.openapproval.tck.ApprovalProviderContract;

/** The provider contract against the HAP sandbox, with the organization key: approve and reject included. */
class NocolyProviderContractTest extends ApprovalProviderContract {
    @Override
    protected ProviderSandbox startSandbox(java.time.Clock clock) {
        return new NocolySandboxProvider().start(clock);
    }

    @Override
    protected ApprovalProvider provider() {
        return new NocolyApprovalProvider();
    }

    /**
     * Organization signatures carry the provider's real time and the sandbox checks them against its own
     * clock, so both read the system clock here (the window is minutes wide).
     */
    @Override
    protected java.time.Clock clock() {
        return java.time.Clock.systemUTC();
    }

    @Override
    protected boolean refreshesCredentials() {
        return false;
    }
}
