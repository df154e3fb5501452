package org.openapproval.adapter.fxiaoke.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** One {@code ApprovalTaskObj} record from {@code /cgi/crm/v2/data/query}; {@code _id} is the task id. */
public record ApprovalTaskRecord(@JsonProperty("_id") String id, String state,
                                 @JsonProperty("workflow_instance_id") String workflowInstanceId,
                                 @JsonProperty("workflow_id") String workflowId,
                                 @JsonProperty("candidate_ids") List<String> candidateIds,
                                 @JsonProperty("create_time") Instant createTime) {
    public ApprovalTaskRecord {
        candidateIds = candidateIds == null ? List.of() : List.copyOf(candidateIds);
    }
}
