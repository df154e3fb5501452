package org.openapproval.adapter.nocoly.client;

import feign.Headers;
import feign.Param;
import feign.RequestLine;
import org.openapproval.adapter.nocoly.dto.ApprovalDetailResponse;
import org.openapproval.adapter.nocoly.dto.ApprovalListRequest;
import org.openapproval.adapter.nocoly.dto.ApprovalListResponse;
import org.openapproval.adapter.nocoly.dto.ProcessDetailResponse;
import org.openapproval.adapter.nocoly.dto.ProcessListResponse;

/**
 * HAP application API V3 reads (W1, W2, W4, W5), authorised by {@code HAP-Appkey}/{@code HAP-Sign}.
 * Path parameters are percent-encoded, slashes included ({@code decodeSlash = false}), so no id can
 * change the path.
 */
@Headers("Content-Type: application/json")
public interface NocolyV3Api {

    @RequestLine("GET /v3/app/workflow/processes")
    ProcessListResponse processes();

    @RequestLine(value = "GET /v3/app/workflow/processes/{processId}", decodeSlash = false)
    ProcessDetailResponse process(@Param("processId") String processId);

    @RequestLine(value = "POST /v3/app/workflow/{worksheetId}/rows/{rowId}/approval/list", decodeSlash = false)
    ApprovalListResponse approvals(@Param("worksheetId") String worksheetId, @Param("rowId") String rowId,
                                   ApprovalListRequest body);

    @RequestLine(value = "GET /v3/app/workflow/{worksheetId}/rows/{rowId}/approval/{approvalId}", decodeSlash = false)
    ApprovalDetailResponse approval(@Param("worksheetId") String worksheetId, @Param("rowId") String rowId,
                                    @Param("approvalId") String approvalId);
}
