package org.openapproval.adapter.nocoly.dto;

/** {@code flowNode}: the node's id, name and type code (0 start, 3 fill, 4 approve, 5 cc, …). */
public record FlowNode(String id, String name, Integer type) {
}
