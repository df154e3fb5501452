package org.openapproval.adapter.nocoly.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * W4 {@code POST /v3/app/workflow/{worksheet_id}/rows/{row_id}/approval/list}. Its {@code data} shape is
 * unverified, so it is kept as a tree: an array of executions, or an object holding one.
 */
public record ApprovalListResponse(Boolean success, @JsonProperty("error_code") Integer errorCode,
                                   @JsonProperty("error_msg") String errorMsg, JsonNode data) implements HapEnvelope {
}
