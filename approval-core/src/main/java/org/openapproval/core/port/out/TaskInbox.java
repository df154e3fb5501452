package org.openapproval.core.port.out;

import java.util.Optional;
import org.openapproval.core.domain.PendingTask;
import org.openapproval.core.domain.UserRef;

/** The tasks awaiting a user's decision, one page per call. */
public interface TaskInbox {
    /**
     * @param user the user whose tasks are listed
     * @param pageToken empty for the first page, else the previous page's {@link Page#nextPageToken()}
     * @return one page of the user's pending tasks
     */
    Page<PendingTask> pendingTasks(UserRef user, Optional<String> pageToken);
}
