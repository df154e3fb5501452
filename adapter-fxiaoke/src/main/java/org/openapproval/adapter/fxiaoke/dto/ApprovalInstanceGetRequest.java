package org.openapproval.adapter.fxiaoke.dto;

/** Body of {@code /cgi/crm/approvalInstance/get}. */
public record ApprovalInstanceGetRequest(String instanceId) {
}
