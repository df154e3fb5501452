package org.openapproval.adapter.fxiaoke.dto;

/**
 * Body of {@code /cgi/crm/approvalInstances/query}. {@code flowApiName}, {@code startTime} and
 * {@code endTime} are required by the vendor; times are sent as epoch millis, as the examples and SDKs do.
 */
public record ApprovalInstancesQueryRequest(String flowApiName, String state, Long startTime, Long endTime,
                                            String objectApiName, Integer pageNumber, Integer pageSize) {
}
