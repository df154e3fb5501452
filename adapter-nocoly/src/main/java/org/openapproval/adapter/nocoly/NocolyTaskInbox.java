package org.openapproval.adapter.nocoly;

import org.openapproval.adapter.support.QueryValues;
import org.openapproval.adapter.support.VendorText;
import static org.openapproval.adapter.nocoly.client.NocolyErrorCodes.FAILURES;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openapproval.adapter.nocoly.client.NocolyOrgTodoApi;
import org.openapproval.adapter.nocoly.dto.TodoItem;
import org.openapproval.adapter.nocoly.dto.TodoListRequest;
import org.openapproval.core.domain.DefinitionRef;
import org.openapproval.core.domain.InvalidRequestException;
import org.openapproval.core.domain.PendingTask;
import org.openapproval.core.domain.ProcessId;
import org.openapproval.core.domain.RecordRef;
import org.openapproval.core.domain.TaskId;
import org.openapproval.core.domain.UserRef;
import org.openapproval.core.port.out.Page;
import org.openapproval.core.port.out.TaskInbox;

/**
 * The organization to-do list ({@code getTodoList}, {@code type} 4 = pending approvals) for an account,
 * paged by {@code pageIndex}. Entries without the (undocumented) worksheet and row ids cannot be addressed
 * and are skipped.
 */
final class NocolyTaskInbox implements TaskInbox {
    static final int PAGE_SIZE = 50;
    static final int PENDING_APPROVALS = 4;
    private static final System.Logger LOG = System.getLogger(NocolyTaskInbox.class.getName());
    private final NocolyOrgTodoApi api;

    @Inject
    NocolyTaskInbox(NocolyOrgTodoApi api) {
        this.api = api;
    }

    @Override
    public Page<PendingTask> pendingTasks(UserRef user, Optional<String> pageToken) {
        String account = QueryValues.encode(NocolyIds.requireAccountId(user.id(), "the user"));
        int pageIndex = pageToken.map(NocolyTaskInbox::pageIndex).orElse(1);
        List<TodoItem> items = FAILURES.call(() -> api.todoList(account,
                new TodoListRequest(PENDING_APPROVALS, pageIndex, PAGE_SIZE))).data();
        List<PendingTask> tasks = new ArrayList<>();
        for (TodoItem item : items) {
            toPendingTask(item, user).ifPresentOrElse(tasks::add, () -> LOG.log(System.Logger.Level.WARNING,
                    "skipping HAP to-do {0}: it lacks the worksheet, row or work item id needed to address it",
                    item.id()));
        }
        // the to-do page size may be capped below ours (undocumented), so paging stops at an empty page only
        return new Page<>(tasks, items.isEmpty() ? Optional.empty() : Optional.of(String.valueOf(pageIndex + 1)));
    }

    private static Optional<PendingTask> toPendingTask(TodoItem item, UserRef user) {
        String workId = item.workItem() != null && item.workItem().workId() != null ? item.workItem().workId()
                : item.workId();
        String workItemId = item.workItem() == null ? null : item.workItem().workItemId();
        if (!NocolyIds.valid(item.worksheetId(), item.rowId(), item.id(), workId, workItemId)) {
            return Optional.empty();
        }
        ProcessId process = ProcessId.of(item.worksheetId(), item.rowId(), item.id());
        String processId = item.process() != null && item.process().id() != null ? item.process().id() : "unknown";
        String processName = VendorText.name(item.process() != null && item.process().name() != null
                ? item.process().name() : item.processName());
        DefinitionRef definition = new DefinitionRef(NocolyIds.valid(processId) ? processId : "unknown",
                processName == null ? processId : processName);
        String nodeName = item.flowNode() == null ? null : VendorText.name(item.flowNode().name());
        String stepName = nodeName == null ? "Approval" : nodeName;
        return Optional.of(new PendingTask(TaskId.of(process, workId, workItemId), definition,
                RecordRef.of(item.worksheetId(), item.rowId()), stepName, user,
                Optional.ofNullable(item.workItem() == null ? null : item.workItem().receiveTime())));
    }

    private static int pageIndex(String token) {
        try {
            int n = Integer.parseInt(token);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // fall through
        }
        throw new InvalidRequestException("page token '" + token + "' was not issued by the nocoly provider",
                FAILURES.context(), null);
    }
}
