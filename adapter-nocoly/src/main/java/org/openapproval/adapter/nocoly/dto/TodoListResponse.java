package org.openapproval.adapter.nocoly.dto;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Answer of {@code getTodoList}. Its {@code data} shape is only partly documented, so it is kept as a tree:
 * an array of to-do items, or an object holding one.
 */
public record TodoListResponse(Integer status, @JsonAlias("error_code") Integer code, @JsonAlias("error_msg") String msg,
                               JsonNode data) implements OrgEnvelope {
}
