package org.openapproval.adapter.fxiaoke;

import static org.openapproval.adapter.fxiaoke.client.FxiaokeErrorCodes.FAILURES;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openapproval.adapter.fxiaoke.client.FxiaokeReadApi;
import org.openapproval.adapter.fxiaoke.dto.ApprovalTaskRecord;
import org.openapproval.adapter.fxiaoke.dto.DataQueryRequest;
import org.openapproval.adapter.fxiaoke.dto.DataQueryResponse;
import org.openapproval.core.domain.ApprovalProcess;
import org.openapproval.core.domain.InvalidRequestException;
import org.openapproval.core.domain.PendingTask;
import org.openapproval.core.domain.Step;
import org.openapproval.core.domain.UserRef;
import org.openapproval.core.port.out.Page;
import org.openapproval.core.port.out.TaskInbox;

/**
 * A user's pending tasks: {@code ApprovalTaskObj} records in progress that name the user as candidate,
 * via {@code /cgi/crm/v2/data/query}, ordered by {@code _id}. Offset paging up to the vendor's 10000
 * limit, keyset paging ({@code _id GT last}) beyond. Each record's instance is read once per page to
 * confirm the user has not replied yet (an ALL_OF node keeps everyone as candidate) and to name the
 * definition, record and node.
 */
final class FxiaokeTaskInbox implements TaskInbox {
    static final int LIMIT = 100;
    static final int MAX_OFFSET = 10_000;
    private final FxiaokeReadApi api;
    private final FxiaokeProcessReader reader;

    @Inject
    FxiaokeTaskInbox(FxiaokeReadApi api, FxiaokeProcessReader reader) {
        this.api = api;
        this.reader = reader;
    }

    /** Where the next page starts: an offset, or (past the vendor's offset limit) after an {@code _id}. */
    record Cursor(int offset, Optional<String> afterId) {
        static Cursor parse(String token) {
            if (token.startsWith("offset:")) {
                try {
                    int offset = Integer.parseInt(token.substring("offset:".length()));
                    if (offset >= 0 && offset <= MAX_OFFSET) {
                        return new Cursor(offset, Optional.empty());
                    }
                } catch (NumberFormatException ignored) {
                    // fall through
                }
            } else if (token.startsWith("after:") && FxiaokeIds.isId(token.substring("after:".length()))) {
                return new Cursor(0, Optional.of(token.substring("after:".length())));
            }
            throw new InvalidRequestException("page token '" + token + "' was not issued by the fxiaoke provider",
                    FAILURES.context(), null);
        }
    }

    @Override
    public Page<PendingTask> pendingTasks(UserRef user, Optional<String> pageToken) {
        FxiaokeIds.requireUserId(user.id(), "the user");
        Cursor cursor = pageToken.map(Cursor::parse).orElse(new Cursor(0, Optional.empty()));
        List<DataQueryRequest.Filter> filters = new ArrayList<>(List.of(
                new DataQueryRequest.Filter("state", List.of("in_progress"), "EQ"),
                new DataQueryRequest.Filter("candidate_ids", List.of(user.id()), "HASANYOF")));
        cursor.afterId().ifPresent(id -> filters.add(new DataQueryRequest.Filter("_id", List.of(id), "GT")));
        DataQueryRequest request = new DataQueryRequest(new DataQueryRequest.Data("ApprovalTaskObj", Boolean.TRUE,
                new DataQueryRequest.SearchQueryInfo(LIMIT, cursor.offset(), filters,
                        List.of(new DataQueryRequest.Order("_id", Boolean.TRUE)))));
        DataQueryResponse response = FAILURES.call(() -> api.queryData(user.id(), request));
        List<ApprovalTaskRecord> records = response.data() == null ? List.of() : response.data().dataList();

        Map<String, Optional<ApprovalProcess>> processes = new HashMap<>();
        List<PendingTask> tasks = new ArrayList<>();
        for (ApprovalTaskRecord r : records) {
            if (r.workflowInstanceId() == null || r.id() == null) {
                continue;
            }
            Optional<ApprovalProcess> process = processes.computeIfAbsent(r.workflowInstanceId(),
                    id -> reader.detail(id, user.id()).map(reader::map));
            process.flatMap(p -> pendingFor(p, r.id(), user)).ifPresent(tasks::add);
        }
        return new Page<>(tasks, next(cursor, records, response.data() == null ? null : response.data().total()));
    }

    private static Optional<PendingTask> pendingFor(ApprovalProcess p, String vendorTaskId, UserRef user) {
        // a vendor task re-opened by a return belongs to the earlier step, so look it up by task, not by step id
        for (Step step : p.steps()) {
            Optional<PendingTask> found = step.pendingTasks().stream()
                    .filter(t -> t.id().segment(0).equals(vendorTaskId) && t.assignee().isSamePersonAs(user))
                    .findFirst().map(t -> new PendingTask(t.id(), p.definition(), p.record(), step.name(),
                            t.assignee(), t.createdAt()));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * The vendor may answer fewer records than the limit, so the page's size says nothing about the end: the
     * total (matches of this request's filters, counted from its offset) does, and without one only an empty
     * page ends the list. A full page continues by offset while the vendor allows; a short one, or one past the
     * offset limit, continues after its last {@code _id}.
     */
    private static Optional<String> next(Cursor cursor, List<ApprovalTaskRecord> records, Long total) {
        if (records.isEmpty() || total != null && cursor.offset() + records.size() >= total) {
            return Optional.empty();
        }
        String lastId = records.get(records.size() - 1).id();
        int nextOffset = cursor.offset() + LIMIT;
        boolean byOffset = cursor.afterId().isEmpty() && records.size() == LIMIT && nextOffset <= MAX_OFFSET - LIMIT;
        return Optional.of(byOffset ? "offset:" + nextOffset : "after:" + lastId);
    }
}
