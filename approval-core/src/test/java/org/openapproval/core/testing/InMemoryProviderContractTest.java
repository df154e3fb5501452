package org.openapproval.core.testing;

import org.openapproval.core.spi.ApprovalProvider;
import org.openapproval.core.tck.ApprovalProviderContract;

/** The in-memory provider passes the whole provider contract. */
class InMemoryProviderContractTest extends ApprovalProviderContract {
    @Override
    protected ApprovalProvider provider() {
        return new InMemoryApprovalProvider();
    }
}
