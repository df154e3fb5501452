package org.openapproval.adapter.nocoly;

import java.time.Clock;
import java.util.List;
import org.openapproval.core.spi.ApprovalProvider;
import org.openapproval.sandbox.kit.ProviderSandbox;
import org.openapproval.sandbox.nocoly.NocolySandboxProvider;
import org.openapproval.tck.ResilienceContract;

/** The resilience suite against the HAP sandbox, organization key included (approve, to-do list). */
class NocolyResilienceTest extends ResilienceContract {
    @Override
    protected ProviderSandbox startSandbox(Clock clock) {
        return new NocolySandboxProvider().start(clock);
    }

    @Override
    protected ApprovalProvider provider() {
        return new NocolyApprovalProvider();
    }

    @Override
    protected List<String> wireKeys() {
        return List.of(NocolySettings.APP_KEY, NocolySettings.SIGN, NocolySettings.ORG_APP_KEY,
                NocolySettings.ORG_SECRET_KEY);
    }
}
