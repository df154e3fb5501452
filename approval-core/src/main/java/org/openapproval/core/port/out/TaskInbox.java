package org.openapproval.core.port.out;

import java.util.Optional;
import org.openapproval.core.domain.PendingTask;
import org.openapproval.core.domain.UserRef;

/** The tasks awaiting a user's decision, one page per call. */
public interface TaskInbox {
    Page<PendingTask> pendingTasks(UserRef user, Optional<String> pageToken);
}
