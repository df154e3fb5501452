package org.openapproval.adapter.fxiaoke;

import static org.openapproval.adapter.fxiaoke.client.FxiaokeErrorCodes.FAILURES;

import jakarta.inject.Inject;
import org.openapproval.adapter.fxiaoke.client.FxiaokeWriteApi;
import org.openapproval.adapter.fxiaoke.mapping.FxiaokeRequestMapper;
import org.openapproval.core.domain.ApprovalProcess;
import org.openapproval.core.domain.UserRef;
import org.openapproval.core.port.out.ProcessCanceller;

/** {@code /cgi/crm/v2/special/approval/instance/cancel}: cancels the record's running approval, as the actor. */
final class FxiaokeProcessCanceller implements ProcessCanceller {
    private final FxiaokeWriteApi api;
    private final FxiaokeRequestMapper mapper;

    @Inject
    FxiaokeProcessCanceller(FxiaokeWriteApi api, FxiaokeRequestMapper mapper) {
        this.api = api;
        this.mapper = mapper;
    }

    @Override
    public void cancel(ApprovalProcess process, UserRef actor, String reason) {
        String acting = FxiaokeIds.requireUserId(actor.id(), "the cancelling user");
        FAILURES.call(() -> api.cancelApproval(acting, mapper.toCancel(process, reason)));
    }
}
