package org.openapproval.adapter.fxiaoke.dto;

/** Body of {@code /cgi/crm/object/approvalInstances/query}. */
public record ObjectApprovalInstancesRequest(String dataId) {
}
