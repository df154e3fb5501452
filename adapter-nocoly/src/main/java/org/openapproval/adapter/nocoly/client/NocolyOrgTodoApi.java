package org.openapproval.adapter.nocoly.client;

import feign.Headers;
import feign.Param;
import feign.RequestLine;
import org.openapproval.adapter.nocoly.dto.TodoListRequest;
import org.openapproval.adapter.nocoly.dto.TodoListResponse;

/** The organization API's to-do list of one account (a read, retried on transient failures). */
@Headers("Content-Type: application/json")
public interface NocolyOrgTodoApi {

    @RequestLine("POST /workflow/v1/instance/getTodoList?accountId={accountId}")
    TodoListResponse todoList(@Param("accountId") String accountId, TodoListRequest body);
}
