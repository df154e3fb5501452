package org.openapproval.adapter.nocoly.dto;

/** W4 body: body fields are unverified; paging fields as the backing to-do model names them. */
public record ApprovalListRequest(Integer pageIndex, Integer pageSize) {
}
