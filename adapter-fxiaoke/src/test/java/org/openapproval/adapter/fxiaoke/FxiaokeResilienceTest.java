package org.openapproval.adapter.fxiaoke;

import java.time.Clock;
import java.util.List;
import org.openapproval.core.spi.ApprovalProvider;
import org.openapproval.sandbox.fxiaoke.FxiaokeSandboxProvider;
import org.openapproval.sandbox.kit.ProviderSandbox;
import org.openapproval.tck.ResilienceContract;

/** The resilience suite against the Fxiaoke sandbox. */
class FxiaokeResilienceTest extends ResilienceContract {
    /** One provider object: its services share a token, as the vendor's ten token calls a minute require. */
    private final FxiaokeApprovalProvider provider = new FxiaokeApprovalProvider();

    @Override
    protected ProviderSandbox startSandbox(Clock clock) {
        return new FxiaokeSandboxProvider().start(clock);
    }

    @Override
    protected ApprovalProvider provider() {
        return provider;
    }

    @Override
    protected List<String> wireKeys() {
        return List.of(FxiaokeSettings.APP_ID, FxiaokeSettings.APP_SECRET, FxiaokeSettings.PERMANENT_CODE,
                FxiaokeSettings.DEFAULT_USER_ID);
    }
}
