package org.openapproval.adapter.nocoly.dto;

/** Body of {@code POST /workflow/v1/instance/getTodoList}: {@code type} 4 = pending approvals. */
public record TodoListRequest(Integer type, Integer pageIndex, Integer pageSize) {
}
