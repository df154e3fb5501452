package org.openapproval.adapter.nocoly;

import static org.openapproval.adapter.nocoly.client.NocolyFailures.call;

import jakarta.inject.Inject;
import org.openapproval.adapter.nocoly.client.NocolyFailures;
import org.openapproval.adapter.nocoly.client.NocolyOrgBatchApi;
import org.openapproval.adapter.nocoly.dto.BatchApprovalResponse;
import org.openapproval.adapter.nocoly.mapping.NocolyRequestMapper;
import org.openapproval.core.domain.ValidatedDecision;
import org.openapproval.core.domain.VendorProtocolException;
import org.openapproval.core.port.out.DecisionWriter;

/**
 * Pass/reject through the organization API's batch endpoint, acting for the decider's {@code accountId}.
 * Sent once; never repeated.
 */
final class NocolyDecisionWriter implements DecisionWriter {
    private final NocolyOrgBatchApi api;

    @Inject
    NocolyDecisionWriter(NocolyOrgBatchApi api) {
        this.api = api;
    }

    @Override
    public void submit(ValidatedDecision decision) {
        BatchApprovalResponse answer = call(() -> api.batch(decision.decision().actor().id(),
                NocolyRequestMapper.INSTANCE.toBatch(decision)));
        if (answer.data() != null && answer.data().isBoolean() && !answer.data().asBoolean()) {
            // status 1 but data false: the batch was not confirmed; let the core read the process back
            throw new VendorProtocolException("HAP accepted the batch but did not confirm it (data=false)",
                    NocolyFailures.context(), null);
        }
    }
}
