package org.openapproval.adapter.fxiaoke.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Body of {@code /cgi/crm/v2/data/query}: the generic object query, used here on {@code ApprovalTaskObj}. */
public record DataQueryRequest(Data data) {
    public record Data(String dataObjectApiName,
                       @JsonProperty("find_explicit_total_num") Boolean findExplicitTotalNum,
                       @JsonProperty("search_query_info") SearchQueryInfo searchQueryInfo) {
    }

    public record SearchQueryInfo(Integer limit, Integer offset, List<Filter> filters, List<Order> orders) {
    }

    public record Filter(@JsonProperty("field_name") String fieldName,
                         @JsonProperty("field_values") List<String> fieldValues, String operator) {
    }

    public record Order(String fieldName, Boolean isAsc) {
    }
}
