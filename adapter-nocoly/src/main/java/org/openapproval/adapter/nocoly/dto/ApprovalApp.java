package org.openapproval.adapter.nocoly.dto;

/** {@code app} of an execution. */
public record ApprovalApp(String id, String name) {
}
