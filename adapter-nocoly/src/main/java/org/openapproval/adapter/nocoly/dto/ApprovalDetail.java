package org.openapproval.adapter.nocoly.dto;

import java.time.Instant;
import java.util.List;

/** {@code data} of W5 (approval execution detail), in the vendor's names; unknown fields are ignored. */
public record ApprovalDetail(String companyId, List<Work> works, WorkItem currentWorkItem, String title,
                             HapAccount ownerAccount, HapAccount createAccount, Instant createDate, String processName,
                             String processId, String parentId, Boolean isApproval, FlowNode flowNode, ApprovalApp app,
                             Integer instanceType, Integer status, List<String> currentWorkIds) {
    public ApprovalDetail {
        works = works == null ? List.of() : List.copyOf(works);
        currentWorkIds = currentWorkIds == null ? List.of() : List.copyOf(currentWorkIds);
    }
}
