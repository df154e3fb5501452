package org.openapproval.adapter.fxiaoke.dto;

import java.util.List;

/** {@code instanceDetail} of {@code approvalInstance/get}: the instance and its tasks in creation order. */
public record ApprovalInstanceDetail(ApprovalInstance instance, List<ApprovalTask> tasks) {
    public ApprovalInstanceDetail {
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }
}
