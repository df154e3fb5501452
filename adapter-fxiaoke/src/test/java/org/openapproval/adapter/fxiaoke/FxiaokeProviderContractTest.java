package org.openapproval.adapter.fxiaoke;

import org.openapproval.core.spi.ApprovalProvider;
import org.openapproval.sandbox.kit.ProviderSandbox;
import org.openapproval.sandbox.fxiaoke.FxiaokeSandboxProvider;
import org.openapproval.tck.ApprovalProviderContract;

/** The provider contract, against the Fxiaoke sandbox, with client-credentials auth. */
class FxiaokeProviderContractTest extends ApprovalProviderContract {
    @Override
    protected ProviderSandbox startSandbox(java.time.Clock clock) {
        return new FxiaokeSandboxProvider().start(clock);
    }

    @Override
    protected ApprovalProvider provider() {
        return new FxiaokeApprovalProvider();
    }
}
