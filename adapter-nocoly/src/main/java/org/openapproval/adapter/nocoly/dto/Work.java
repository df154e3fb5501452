package org.openapproval.adapter.nocoly.dto;

import java.util.List;

/** One reached node of an execution ({@code works[]}): its work id, node, items and countersign rule. */
public record Work(String instanceId, String workId, List<WorkItem> workItems, FlowNode flowNode, Boolean countersign,
                   Integer countersignType, Integer sort) {
    public Work {
        workItems = workItems == null ? List.of() : List.copyOf(workItems);
    }
}
