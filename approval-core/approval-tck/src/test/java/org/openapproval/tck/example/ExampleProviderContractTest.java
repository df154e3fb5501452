package org.openapproval.tck.example;

import java.time.Clock;
import org.openapproval.sandbox.kit.ProviderSandbox;
import org.openapproval.tck.ApprovalProviderContract;

/** The example provider passes the provider contract; tests of capabilities it does not declare are skipped. */
class ExampleProviderContractTest extends ApprovalProviderContract {
    @Override
    protected ProviderSandbox startSandbox(Clock clock) {
        return new ExampleSandboxProvider().start(clock);
    }
}
