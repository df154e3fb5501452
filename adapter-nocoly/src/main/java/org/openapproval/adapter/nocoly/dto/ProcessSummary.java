package org.openapproval.adapter.nocoly.dto;

/** One triggerable process of W1: {@code type} 6 webhook, 10 packaged business process. */
public record ProcessSummary(String id, String name, String alias, Integer type, String description, Integer status) {
}
