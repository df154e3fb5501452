package org.openapproval.tck.inmemory;

import java.time.Clock;
import org.openapproval.sandbox.inmemory.InMemorySandboxProvider;
import org.openapproval.sandbox.kit.ProviderSandbox;
import org.openapproval.tck.ApprovalProviderContract;

/** The in-memory provider passes the whole provider contract. */
class InMemoryProviderContractTest extends ApprovalProviderContract {
    @Override
    protected ProviderSandbox startSandbox(Clock clock) {
        return new InMemorySandboxProvider().start(clock);
    }
}
