package org.openapproval.adapter.nocoly.dto;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.util.List;

/** Answer of {@code getTodoList}. */
public record TodoListResponse(Integer status, @JsonAlias("error_code") Integer code, @JsonAlias("error_msg") String msg,
                               List<TodoItem> data) implements OrgEnvelope {
    public TodoListResponse {
        data = data == null ? List.of() : List.copyOf(data);
    }
}
