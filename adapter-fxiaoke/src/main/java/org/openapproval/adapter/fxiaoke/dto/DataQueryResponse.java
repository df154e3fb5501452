package org.openapproval.adapter.fxiaoke.dto;

import java.util.List;

/** Answer of {@code /cgi/crm/v2/data/query}: {@code data{dataList, total}}. */
public record DataQueryResponse(Integer errorCode, String errorMessage, String traceId, Result data)
        implements FxiaokeEnvelope {
    public record Result(List<ApprovalTaskRecord> dataList, Long total) {
        public Result {
            dataList = dataList == null ? List.of() : List.copyOf(dataList);
        }
    }
}
