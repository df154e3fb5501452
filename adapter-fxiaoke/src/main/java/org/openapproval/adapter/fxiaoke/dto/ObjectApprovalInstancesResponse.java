package org.openapproval.adapter.fxiaoke.dto;

import java.util.List;

/** Answer of {@code /cgi/crm/object/approvalInstances/query}: every instance of one record, unpaged. */
public record ObjectApprovalInstancesResponse(Integer errorCode, String errorMessage, String traceId,
                                              List<ApprovalInstance> instances) implements FxiaokeEnvelope {
    public ObjectApprovalInstancesResponse {
        instances = instances == null ? List.of() : List.copyOf(instances);
    }
}
