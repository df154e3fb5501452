package org.openapproval.adapter.nocoly;

import java.util.List;
import org.openapproval.core.spi.ApprovalProvider;
import org.openapproval.sandbox.kit.ProviderSandbox;
import org.openapproval.sandbox.nocoly.NocolySandboxProvider;
import org.openapproval.tck.ApprovalProviderContract;

/** The provider contract with the app key only: reads and start work, decisions are unsupported (and say why). */
class NocolyWithoutOrganizationKeyContractTest extends ApprovalProviderContract {
    @Override
    protected ProviderSandbox startSandbox(java.time.Clock clock) {
        return new NocolySandboxProvider().start(clock);
    }

    @Override
    protected ApprovalProvider provider() {
        return new NocolyApprovalProvider();
    }

    @Override
    protected List<String> omittedConfigKeys() {
        return List.of("org-endpoint", "org-app-key", "org-secret-key");
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
