package org.openapproval.adapter.fxiaoke.dto;

/** Body of {@code /cgi/crm/approvalTask/action}: {@code actionType} agree|reject, {@code opinion} required. */
public record ApprovalTaskActionRequest(String taskId, String actionType, String opinion) {
}
