package org.openapproval.adapter.fxiaoke.client;

import feign.Headers;
import feign.Param;
import feign.RequestLine;
import org.openapproval.adapter.fxiaoke.dto.ApprovalTaskActionRequest;
import org.openapproval.adapter.fxiaoke.dto.CancelApprovalRequest;
import org.openapproval.adapter.fxiaoke.dto.EnvelopeResponse;
import org.openapproval.adapter.fxiaoke.dto.RejectToBeforeTaskRequest;

/**
 * The Fxiaoke approval writes. Built with a retryer that never repeats a write (Fxiaoke documents no
 * idempotency); the only replay is after error 20016, which means the request was refused, not applied.
 */
@Headers({"Content-Type: application/json", "x-fs-userid: {actingUser}"})
public interface FxiaokeWriteApi {

    @RequestLine("POST /cgi/crm/approvalTask/action")
    EnvelopeResponse approvalTaskAction(@Param("actingUser") String actingUser, ApprovalTaskActionRequest body);

    @RequestLine("POST /cgi/crm/v2/special/approval/rejectToBeforeTask")
    EnvelopeResponse rejectToBeforeTask(@Param("actingUser") String actingUser, RejectToBeforeTaskRequest body);

    @RequestLine("POST /cgi/crm/v2/special/approval/instance/cancel")
    EnvelopeResponse cancelApproval(@Param("actingUser") String actingUser, CancelApprovalRequest body);
}
