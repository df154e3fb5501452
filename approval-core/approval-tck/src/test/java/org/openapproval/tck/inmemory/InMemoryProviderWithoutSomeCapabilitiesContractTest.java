package org.openapproval.tck.inmemory;

import java.time.Clock;
import java.util.Map;
import org.openapproval.sandbox.inmemory.InMemorySandboxProvider;
import org.openapproval.sandbox.kit.ProviderSandbox;
import org.openapproval.tck.ApprovalProviderContract;

/**
 * The contract on a provider that lacks capabilities, as Nocoly without organization credentials does:
 * the unsupported operations must raise UnsupportedCapabilityException without any request.
 */
class InMemoryProviderWithoutSomeCapabilitiesContractTest extends ApprovalProviderContract {
    @Override
    protected ProviderSandbox startSandbox(Clock clock) {
        return new InMemorySandboxProvider().start(clock);
    }

    @Override
    protected Map<String, String> extraConfig() {
        return Map.of("unsupported", "RETURN,CANCEL,START,QUERY_PROCESSES,LIST_DEFINITIONS");
    }
}
