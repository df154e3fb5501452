package org.openapproval.adapter.fxiaoke;

import static org.openapproval.adapter.fxiaoke.client.FxiaokeFailures.call;

import jakarta.inject.Inject;
import org.openapproval.adapter.fxiaoke.client.FxiaokeWriteApi;
import org.openapproval.adapter.fxiaoke.mapping.FxiaokeRequestMapper;
import org.openapproval.core.domain.ApprovalProcess;
import org.openapproval.core.domain.UserRef;
import org.openapproval.core.port.out.ProcessCanceller;

/** {@code /cgi/crm/v2/special/approval/instance/cancel}: cancels the record's running approval, as the actor. */
final class FxiaokeProcessCanceller implements ProcessCanceller {
    private final FxiaokeWriteApi api;

    @Inject
    FxiaokeProcessCanceller(FxiaokeWriteApi api) {
        this.api = api;
    }

    @Override
    public void cancel(ApprovalProcess process, UserRef actor, String reason) {
        call(() -> api.cancelApproval(actor.id(), FxiaokeRequestMapper.INSTANCE.toCancel(process, reason)));
    }
}
