package org.openapproval.adapter.fxiaoke;

import java.util.Map;
import org.openapproval.core.spi.ApprovalProvider;
import org.openapproval.sandbox.kit.ProviderSandbox;
import org.openapproval.sandbox.fxiaoke.FxiaokeSandboxProvider;
import org.openapproval.tck.ApprovalProviderContract;

/** The provider contract again with {@code auth-mode=legacy}: corpAccessToken in every body. */
class FxiaokeLegacyAuthContractTest extends ApprovalProviderContract {
    @Override
    protected ProviderSandbox startSandbox(java.time.Clock clock) {
        return new FxiaokeSandboxProvider().start(clock);
    }

    @Override
    protected ApprovalProvider provider() {
        return new FxiaokeApprovalProvider();
    }

    @Override
    protected Map<String, String> extraConfig() {
        return Map.of("auth-mode", "legacy");
    }
}
