package org.openapproval.adapter.nocoly;

import static org.openapproval.adapter.nocoly.client.NocolyErrorCodes.FAILURES;

import jakarta.inject.Inject;
import org.openapproval.adapter.nocoly.client.NocolyOrgBatchApi;
import org.openapproval.adapter.nocoly.dto.BatchApprovalResponse;
import org.openapproval.adapter.nocoly.mapping.NocolyRequestMapper;
import org.openapproval.adapter.support.DecisionRaces;
import org.openapproval.adapter.support.QueryValues;
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
    private final NocolyProcessReader reader;

    @Inject
    NocolyDecisionWriter(NocolyOrgBatchApi api, NocolyRequestMapper mapper, NocolyProcessReader reader) {
        this.api = api;
        this.mapper = mapper;
        this.reader = reader;
    }

    /** A refusal because another decider was first is read back and reported as TaskNotPendingException. */
    @Override
    public void submit(ValidatedDecision decision) {
        String account = NocolyIds.requireAccountId(decision.decision().actor().id(), "the deciding user");
        DecisionRaces.submit(decision, () -> send(account, decision), reader::process);
    }

    private void send(String account, ValidatedDecision decision) {
        BatchApprovalResponse answer = FAILURES.call(() -> api.batch(QueryValues.encode(account),
                mapper.toBatch(decision)));
        if (answer.data() != null && answer.data().isBoolean() && !answer.data().asBoolean()) {
            // status 1 but data false: the batch was not confirmed; let the core read the process back
            throw new VendorProtocolException("HAP accepted the batch but did not confirm it (data=false)",
                    FAILURES.context(), null);
        }
    }
}
