package org.openapproval.adapter.fxiaoke;

import static org.openapproval.adapter.fxiaoke.client.FxiaokeFailures.call;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.openapproval.adapter.fxiaoke.client.FxiaokeFailures;
import org.openapproval.adapter.fxiaoke.client.FxiaokeReadApi;
import org.openapproval.adapter.fxiaoke.dto.ApprovalInstancesQueryRequest;
import org.openapproval.adapter.fxiaoke.dto.ApprovalInstancesQueryResponse;
import org.openapproval.core.domain.ApprovalProcess;
import org.openapproval.core.domain.InvalidRequestException;
import org.openapproval.core.domain.ProcessState;
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

    @Inject
    FxiaokeProcessSearch(FxiaokeReadApi api, FxiaokeSettings settings) {
        this.api = api;
        this.settings = settings;
    }

    @Override
    public Page<ApprovalProcess> search(ProcessQuery query, Optional<String> pageToken) {
        if (query.definitionId().isEmpty() || query.from().isEmpty() || query.to().isEmpty()) {
            throw new InvalidRequestException("Fxiaoke can only query the processes of one definition (flow api name) "
                    + "within a time window: give a definition, from and to", FxiaokeFailures.context(), null);
        }
        int pageNumber = pageToken.map(FxiaokeProcessSearch::pageNumber).orElse(1);
        int pageSize = Math.min(query.pageSize(), MAX_PAGE_SIZE);
        String vendorState = query.states().size() == 1 ? vendorState(query.states().iterator().next()) : null;
        ApprovalInstancesQueryResponse response = call(() -> api.approvalInstances(settings.defaultUserId(),
                new ApprovalInstancesQueryRequest(query.definitionId().get(), vendorState,
                        query.from().get().toEpochMilli(), query.to().get().toEpochMilli() - 1, null, pageNumber,
                        pageSize)));
        ApprovalInstancesQueryResponse.QueryResult result = response.queryResult();
        if (result == null) {
            return Page.last(List.of());
        }
        List<ApprovalProcess> processes = result.instanceList().stream().map(FxiaokeProcessReader::header)
                .filter(p -> query.matchesState(p.state()))
                .toList();
        long total = result.total() == null ? 0 : result.total();
        boolean more = !result.instanceList().isEmpty() && (long) pageNumber * pageSize < total;
        return new Page<>(processes, more ? Optional.of(String.valueOf(pageNumber + 1)) : Optional.empty());
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

    private static int pageNumber(String token) {
        try {
            int n = Integer.parseInt(token);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // fall through
        }
        throw new InvalidRequestException("page token '" + token + "' was not issued by the fxiaoke provider",
                FxiaokeFailures.context(), null);
    }
}
