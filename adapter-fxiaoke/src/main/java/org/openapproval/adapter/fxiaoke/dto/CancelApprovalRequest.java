package org.openapproval.adapter.fxiaoke.dto;

/** Body of {@code /cgi/crm/v2/special/approval/instance/cancel}: the record (api name + id) and the reason. */
public record CancelApprovalRequest(Data data) {
    public record Data(String entityId, String objectId, String cancelReason) {
    }
}
