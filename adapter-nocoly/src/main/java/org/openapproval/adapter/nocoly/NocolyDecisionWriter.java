package org.openapproval.adapter.nocoly;

import static org.openapproval.adapter.nocoly.client.NocolyErrorCodes.FAILURES;

import jakarta.inject.Inject;
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
    private final NocolyRequestMapper mapper;

    @Inject
    NocolyDecisionWriter(NocolyOrgBatchApi api, NocolyRequestMapper mapper) {
        this.api = api;
        this.mapper = mapper;
    }

    @Override
    public void submit(ValidatedDecision decision) {
        BatchApprovalResponse answer = FAILURES.call(() -> api.batch(decision.decision().actor().id(),
                mapper.toBatch(decision)));
        if (answer.data() != null && answer.data().isBoolean() && !answer.data().asBoolean()) {
            // status 1 but data false: the batch was not confirmed; let the core read the process back
            throw new VendorProtocolException("HAP accepted the batch but did not confirm it (data=false)",
                    FAILURES.context(), null);
        }
    }
}
