package org.openapproval.adapter.nocoly.client;

import feign.Headers;
import feign.Param;
import feign.RequestLine;
import org.openapproval.adapter.nocoly.dto.BatchApprovalRequest;
import org.openapproval.adapter.nocoly.dto.BatchApprovalResponse;

/**
 * The organization API's batch approval (批量审批), signed per request with the organization key and acting
 * for {@code accountId}: the only public way to pass or reject. A write: built with a never-retrying retryer.
 */
@Headers("Content-Type: application/json")
public interface NocolyOrgBatchApi {

    @RequestLine("POST /workflow/v1/instance/batch?accountId={accountId}")
    BatchApprovalResponse batch(@Param("accountId") String accountId, BatchApprovalRequest body);
}
