package org.openapproval.adapter.nocoly.dto;

import java.util.List;

/**
 * Body of {@code POST /workflow/v1/instance/batch}: {@code batchOperationType} 4 pass, 5 reject. Whether an
 * {@code opinion} is accepted is unverified; it is sent only when there is one.
 */
public record BatchApprovalRequest(Integer batchOperationType, List<Select> selects, String opinion) {
    public record Select(String id, String workId) {
    }
}
