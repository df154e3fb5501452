package org.openapproval.adapter.nocoly.dto;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.databind.JsonNode;

/** Answer of the batch call: {@code {status: 1, data: true}} on success. */
public record BatchApprovalResponse(Integer status, @JsonAlias("error_code") Integer code,
                                    @JsonAlias("error_msg") String msg, JsonNode data) implements OrgEnvelope {
}
