package org.openapproval.adapter.fxiaoke.client;

import feign.Headers;
import feign.Param;
import feign.RequestLine;
import org.openapproval.adapter.fxiaoke.dto.ApprovalInstanceGetRequest;
import org.openapproval.adapter.fxiaoke.dto.ApprovalInstanceGetResponse;
import org.openapproval.adapter.fxiaoke.dto.ApprovalInstancesQueryRequest;
import org.openapproval.adapter.fxiaoke.dto.ApprovalInstancesQueryResponse;
import org.openapproval.adapter.fxiaoke.dto.DataQueryRequest;
import org.openapproval.adapter.fxiaoke.dto.DataQueryResponse;
import org.openapproval.adapter.fxiaoke.dto.ObjectApprovalInstancesRequest;
import org.openapproval.adapter.fxiaoke.dto.ObjectApprovalInstancesResponse;

/**
 * The Fxiaoke approval reads. Built with a retrying {@link feign.Retryer}: reads are safe to repeat.
 * {@code actingUser} is the CRM employee id the call acts as ({@code x-fs-userid}; in legacy auth mode
 * it moves into the body as {@code currentOpenUserId}).
 */
@Headers({"Content-Type: application/json", "x-fs-userid: {actingUser}"})
public interface FxiaokeReadApi {

    @RequestLine("POST /cgi/crm/object/approvalInstances/query")
    ObjectApprovalInstancesResponse objectApprovalInstances(@Param("actingUser") String actingUser,
                                                            ObjectApprovalInstancesRequest body);

    @RequestLine("POST /cgi/crm/approvalInstance/get")
    ApprovalInstanceGetResponse approvalInstance(@Param("actingUser") String actingUser,
                                                 ApprovalInstanceGetRequest body);

    @RequestLine("POST /cgi/crm/approvalInstances/query")
    ApprovalInstancesQueryResponse approvalInstances(@Param("actingUser") String actingUser,
                                                     ApprovalInstancesQueryRequest body);

    @RequestLine("POST /cgi/crm/v2/data/query")
    DataQueryResponse queryData(@Param("actingUser") String actingUser, DataQueryRequest body);
}
