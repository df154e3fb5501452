package org.openapproval.adapter.fxiaoke;

import org.openapproval.core.spi.ApprovalProvider;
import org.openapproval.core.tck.ApprovalProviderContract;

/** The provider contract, against the Fxiaoke sandbox, with client-credentials auth. */
class FxiaokeProviderContractTest extends ApprovalProviderContract {
    @Override
    protected ApprovalProvider provider() {
        return new FxiaokeApprovalProvider();
    }
}
