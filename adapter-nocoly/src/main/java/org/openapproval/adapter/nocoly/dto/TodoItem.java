package org.openapproval.adapter.nocoly.dto;

import java.time.Instant;

/**
 * One to-do of {@code getTodoList}. {@code worksheetId} and {@code rowId} are not documented; without them
 * the execution cannot be addressed through W5, so such items are skipped.
 */
public record TodoItem(String id, String workId, String title, String processName, Process process, HapAccount createAccount,
                       Instant createDate, FlowNode flowNode, TodoWorkItem workItem, String worksheetId, String rowId) {
    public record Process(String id, String name) {
    }

    public record TodoWorkItem(String workId, String workItemId, Integer type, Integer operationType,
                               Instant receiveTime) {
    }
}
