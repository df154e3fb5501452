package org.openapproval.adapter.nocoly.dto;

import com.fasterxml.jackson.annotation.JsonProperty;

/** W5 {@code GET /v3/app/workflow/{worksheet_id}/rows/{row_id}/approval/{approval_id}}. */
public record ApprovalDetailResponse(Boolean success, @JsonProperty("error_code") Integer errorCode,
                                     @JsonProperty("error_msg") String errorMsg, ApprovalDetail data)
        implements HapEnvelope {
}
