package org.openapproval.core.port.out;

import java.util.Optional;
import org.openapproval.core.domain.ApprovalProcess;
import org.openapproval.core.port.in.ProcessQuery;

/** Finds processes by definition, state and time window, one page per call. */
public interface ProcessSearch {
    /**
     * @param query what to list
     * @param pageToken empty for the first page, else the previous page's {@link Page#nextPageToken()}
     * @return one page of matching processes, at most {@code query.pageSize()} of them
     */
    Page<ApprovalProcess> search(ProcessQuery query, Optional<String> pageToken);
}
