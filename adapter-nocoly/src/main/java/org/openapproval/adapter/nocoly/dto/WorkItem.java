package org.openapproval.adapter.nocoly.dto;

import java.time.Instant;
import java.util.List;

/** One participant's item in a work ({@code workItems[]}, {@code currentWorkItem}). */
public record WorkItem(String workId, String workItemId, Integer type, HapAccount workItemAccount,
                       Instant receiveTime, Instant viewTime, Integer operationType, Instant operationTime,
                       String opinion, Integer opinionType, List<WorkItemFile> files) {
    public WorkItem {
        files = files == null ? List.of() : List.copyOf(files);
    }
}
