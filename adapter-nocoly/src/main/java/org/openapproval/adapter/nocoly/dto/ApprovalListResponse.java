package org.openapproval.adapter.nocoly.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;

/**
 * W4 {@code POST /v3/app/workflow/{worksheet_id}/rows/{row_id}/approval/list}. Its {@code data} shape is
 * unverified: an array of executions, or an object holding one under a list-like name; either is read
 * straight into the summaries.
 */
public record ApprovalListResponse(Boolean success, @JsonProperty("error_code") Integer errorCode,
                                   @JsonProperty("error_msg") String errorMsg,
                                   @JsonDeserialize(using = Summaries.class) List<ApprovalSummary> data)
        implements HapEnvelope {
    public ApprovalListResponse {
        data = data == null ? List.of() : data;
    }

    static final class Summaries extends ArrayOrHolderDeserializer<ApprovalSummary> {
        private static final long serialVersionUID = 1L;

        Summaries() {
            super(ApprovalSummary.class, "list", "approvals", "rows", "items", "data");
        }
    }
}
