package org.openapproval.core.port.out;

import org.openapproval.core.domain.ApprovalProcess;
import org.openapproval.core.domain.UserRef;

/** Cancels an open process. Same no-retry rule as {@link DecisionWriter}. */
public interface ProcessCanceller {
    /**
     * @param process the open process, as read just before
     * @param actor who cancels
     * @param reason the reason the vendor records
     */
    void cancel(ApprovalProcess process, UserRef actor, String reason);
}
