package org.openapproval.adapter.fxiaoke.dto;

/** Body of {@code /cgi/crm/v2/special/approval/rejectToBeforeTask} (business fields under {@code data}). */
public record RejectToBeforeTaskRequest(Data data) {
    public record Data(String currentTaskId, String rejectToTaskId, String rejectOpinion,
                       Boolean moveToCurrentActivityWhenReject) {
    }
}
