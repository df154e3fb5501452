package org.openapproval.adapter.fxiaoke;

import static org.openapproval.adapter.fxiaoke.client.FxiaokeFailures.call;

import jakarta.inject.Inject;
import org.openapproval.adapter.fxiaoke.client.FxiaokeWriteApi;
import org.openapproval.adapter.fxiaoke.mapping.FxiaokeRequestMapper;
import org.openapproval.core.domain.ValidatedDecision;
import org.openapproval.core.port.out.DecisionWriter;

/**
 * Approve and reject through {@code /cgi/crm/approvalTask/action}; return through
 * {@code rejectToBeforeTask}. Acts as the deciding user (x-fs-userid). Sent once; never repeated.
 */
final class FxiaokeDecisionWriter implements DecisionWriter {
    private final FxiaokeWriteApi api;

    @Inject
    FxiaokeDecisionWriter(FxiaokeWriteApi api) {
        this.api = api;
    }

    @Override
    public void submit(ValidatedDecision decision) {
        String actor = decision.decision().actor().id();
        switch (decision.decision().verdict()) {
            case APPROVE, REJECT -> call(() -> api.approvalTaskAction(actor,
                    FxiaokeRequestMapper.INSTANCE.toTaskAction(decision)));
            case RETURN -> call(() -> api.rejectToBeforeTask(actor,
                    FxiaokeRequestMapper.INSTANCE.toRejectToBeforeTask(decision)));
        }
    }
}
