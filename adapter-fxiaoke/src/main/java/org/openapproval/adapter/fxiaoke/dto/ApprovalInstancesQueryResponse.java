package org.openapproval.adapter.fxiaoke.dto;

import java.util.List;

/** Answer of {@code /cgi/crm/approvalInstances/query}: {@code queryResult{total, instanceList}}. */
public record ApprovalInstancesQueryResponse(Integer errorCode, String errorMessage, String traceId,
                                             QueryResult queryResult) implements FxiaokeEnvelope {
    public record QueryResult(Long total, List<ApprovalInstance> instanceList) {
        public QueryResult {
            instanceList = instanceList == null ? List.of() : List.copyOf(instanceList);
        }
    }
}
