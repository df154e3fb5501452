package org.openapproval.core.testing;

import java.util.Map;
import org.openapproval.core.spi.ApprovalProvider;
import org.openapproval.core.tck.ApprovalProviderContract;

/**
 * The contract on a provider that lacks capabilities, as Nocoly without organization credentials does:
 * the unsupported operations must raise UnsupportedCapabilityException without any request.
 */
class InMemoryProviderWithoutSomeCapabilitiesContractTest extends ApprovalProviderContract {
    @Override
    protected ApprovalProvider provider() {
        return new InMemoryApprovalProvider();
    }

    @Override
    protected Map<String, String> extraConfig() {
        return Map.of("unsupported", "RETURN,CANCEL,START,QUERY_PROCESSES,LIST_DEFINITIONS");
    }
}
