package org.openapproval.adapter.nocoly.dto;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;

/**
 * Answer of {@code getTodoList}. Its {@code data} shape is only partly documented: an array of to-do items, or
 * an object holding one under a list-like name; either is read straight into the items.
 */
public record TodoListResponse(Integer status, @JsonAlias("error_code") Integer code, @JsonAlias("error_msg") String msg,
                               @JsonDeserialize(using = Items.class) List<TodoItem> data) implements OrgEnvelope {
    public TodoListResponse {
        data = data == null ? List.of() : data;
    }

    static final class Items extends ArrayOrHolderDeserializer<TodoItem> {
        private static final long serialVersionUID = 1L;

        Items() {
            super(TodoItem.class, "list", "todos", "rows", "items", "data");
        }
    }
}
