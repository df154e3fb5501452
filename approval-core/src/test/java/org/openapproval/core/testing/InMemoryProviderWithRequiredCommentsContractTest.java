package org.openapproval.core.testing;

import java.util.Map;
import org.openapproval.core.spi.ApprovalProvider;
import org.openapproval.core.tck.ApprovalProviderContract;

/** The contract again with the policy a vendor like Fxiaoke declares: every decision needs a comment. */
class InMemoryProviderWithRequiredCommentsContractTest extends ApprovalProviderContract {
    @Override
    protected ApprovalProvider provider() {
        return new InMemoryApprovalProvider();
    }

    @Override
    protected Map<String, String> extraConfig() {
        return Map.of("comments-required", "true");
    }
}
