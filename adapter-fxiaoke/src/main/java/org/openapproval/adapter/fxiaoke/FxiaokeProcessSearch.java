package org.openapproval.adapter.fxiaoke;

import static org.openapproval.adapter.fxiaoke.client.FxiaokeErrorCodes.FAILURES;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.openapproval.adapter.fxiaoke.client.FxiaokeReadApi;
import org.openapproval.adapter.fxiaoke.dto.ApprovalInstancesQueryRequest;
import org.openapproval.adapter.fxiaoke.dto.ApprovalInstancesQueryResponse;
import org.openapproval.core.domain.ApprovalProcess;
import org.openapproval.core.domain.InvalidRequestException;
import org.openapproval.core.domain.ProcessState;
import org.openapproval.core.domain.VendorProtocolException;
import org.openapproval.core.port.in.ProcessQuery;
import org.openapproval.core.port.out.Page;
import org.openapproval.core.port.out.ProcessSearch;

/**
 * {@code /cgi/crm/approvalInstances/query}, paged by {@code pageNumber}/{@code pageSize}. The vendor needs a
 * flow api name and a time window, and filters by one state at most; several states are filtered here.
 * Results carry no tasks: read one process for its steps.
 */
final class FxiaokeProcessSearch implements ProcessSearch {
    static final int MAX_PAGE_SIZE = 100;
    private final FxiaokeReadApi api;
    private final FxiaokeSettings settings;
    private final FxiaokeProcessReader reader;

    @Inject
    FxiaokeProcessSearch(FxiaokeReadApi api, FxiaokeSettings settings, FxiaokeProcessReader reader) {
        this.api = api;
        this.settings = settings;
        this.reader = reader;
    }

    @Override
    public Page<ApprovalProcess> search(ProcessQuery query, Optional<String> pageToken) {
        if (query.definitionId().isEmpty() || query.from().isEmpty() || query.to().isEmpty()) {
            throw new InvalidRequestException("Fxiaoke can only query the processes of one definition (flow api name) "
                    + "within a time window: give a definition, from and to", FAILURES.context(), null);
        }
        int[] cursor = pageToken.map(FxiaokeProcessSearch::cursor).orElse(new int[] {1, 0});
        int pageNumber = cursor[0];
        int pageSize = Math.min(query.pageSize(), MAX_PAGE_SIZE);
        String vendorState = query.states().size() == 1 ? vendorState(query.states().iterator().next()) : null;
        ApprovalInstancesQueryResponse response = FAILURES.call(() -> api.approvalInstances(settings.defaultUserId(),
                new ApprovalInstancesQueryRequest(query.definitionId().get(), vendorState,
                        query.from().get().toEpochMilli(), query.to().get().toEpochMilli() - 1, null, pageNumber,
                        pageSize)));
        ApprovalInstancesQueryResponse.QueryResult result = response.queryResult();
        if (result == null) {
            throw new VendorProtocolException("Fxiaoke's approvalInstances/query answer has no queryResult",
                    FAILURES.context(), null);
        }
        List<ApprovalProcess> processes = result.instanceList().stream().map(reader::header)
                .filter(p -> query.matchesState(p.state()))
                .toList();
        int returned = result.instanceList().size();
        long seen = (long) cursor[1] + returned;
        // total is only secondary-sourced: without it, a full page means there may be more; with it, compare
        // what was actually returned so far (the vendor may cap the page size below ours)
        boolean more = returned > 0 && (result.total() == null ? returned >= pageSize : seen < result.total());
        return new Page<>(processes, more ? Optional.of((pageNumber + 1) + ":" + seen) : Optional.empty());
    }

    private static String vendorState(ProcessState state) {
        return switch (state) {
            case IN_PROGRESS -> "in_progress";
            case APPROVED -> "pass";
            case REJECTED -> "reject";
            case CANCELLED -> "cancel";
            case FAILED -> "error";
            case UNKNOWN -> null; // no vendor value; filtered after reading
        };
    }

    /** Token {@code <next page number>:<instances seen so far>}. */
    private static int[] cursor(String token) {
        try {
            String[] parts = token.split(":", -1);
            int page = Integer.parseInt(parts[0]);
            int seen = Integer.parseInt(parts[1]);
            if (parts.length == 2 && page >= 1 && seen >= 0) {
                return new int[] {page, seen};
            }
        } catch (RuntimeException ignored) {
            // fall through
        }
        throw new InvalidRequestException("page token '" + token + "' was not issued by the fxiaoke provider",
                FAILURES.context(), null);
    }
}
