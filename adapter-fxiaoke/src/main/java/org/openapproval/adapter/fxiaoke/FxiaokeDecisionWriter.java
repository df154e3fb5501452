package org.openapproval.adapter.fxiaoke;

import static org.openapproval.adapter.fxiaoke.client.FxiaokeErrorCodes.FAILURES;

import jakarta.inject.Inject;
import org.openapproval.adapter.fxiaoke.client.FxiaokeWriteApi;
import org.openapproval.adapter.fxiaoke.mapping.FxiaokeRequestMapper;
import org.openapproval.adapter.support.DecisionRaces;
import org.openapproval.core.domain.ValidatedDecision;
import org.openapproval.core.port.out.DecisionWriter;

/**
 * Approve and reject through {@code /cgi/crm/approvalTask/action}; return through
 * {@code rejectToBeforeTask}. Acts as the deciding user (x-fs-userid). Sent once; never repeated.
 */
final class FxiaokeDecisionWriter implements DecisionWriter {
    private final FxiaokeWriteApi api;
    private final FxiaokeRequestMapper mapper;
    private final FxiaokeProcessReader reader;

    @Inject
    FxiaokeDecisionWriter(FxiaokeWriteApi api, FxiaokeRequestMapper mapper, FxiaokeProcessReader reader) {
        this.api = api;
        this.mapper = mapper;
        this.reader = reader;
    }

    /** A refusal because another decider was first is read back and reported as TaskNotPendingException. */
    @Override
    public void submit(ValidatedDecision decision) {
        String actor = FxiaokeIds.requireUserId(decision.decision().actor().id(), "the deciding user");
        DecisionRaces.submit(decision, () -> send(actor, decision), reader::process);
    }

    private void send(String actor, ValidatedDecision decision) {
        switch (decision.decision().verdict()) {
            case APPROVE, REJECT -> FAILURES.call(() -> api.approvalTaskAction(actor,
                    mapper.toTaskAction(decision)));
            case RETURN -> FAILURES.call(() -> api.rejectToBeforeTask(actor,
                    mapper.toRejectToBeforeTask(decision)));
        }
    }
}
