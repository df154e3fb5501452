package org.openapproval.adapter.fxiaoke.dto;

import java.time.Instant;

/**
 * One approval flow instance as {@code approvalInstances/query}, {@code object/approvalInstances/query} and
 * {@code approvalInstance/get} return it. Times arrive as epoch millis or strings (see FxiaokeObjectMapper).
 */
public record ApprovalInstance(String instanceId, String instanceName, String dataId, String triggerType,
                               String state, Instant createTime, Instant lastModifyTime, Instant endTime,
                               String flowApiName, String applicantOpenUserId, Instant cancelTime,
                               String objectApiName) {
}
