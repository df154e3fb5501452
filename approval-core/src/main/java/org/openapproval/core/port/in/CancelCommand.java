package org.openapproval.core.port.in;

import java.util.Objects;
import org.openapproval.core.domain.Decision;
import org.openapproval.core.domain.ProcessId;
import org.openapproval.core.domain.UserRef;

/**
 * Cancel (withdraw) an open process, with the reason the vendor records.
 *
 * @param process the open process to cancel
 * @param actor the user who cancels (usually the initiator)
 * @param reason non-blank text the vendor records, with the same limits as a decision comment
 */
public record CancelCommand(ProcessId process, UserRef actor, String reason) {
    /**
     * Checks the components; the reason fails here, before any I/O.
     *
     * @param process the open process to cancel
     * @param actor the user who cancels
     * @param reason why; recorded by the vendor
     */
    public CancelCommand {
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(reason, "reason must not be null");
        // Same limits as a decision comment: vendors store both as free text.
        Decision.checkComment(reason);
    }

    /**
     * @param process the open process to cancel
     * @param actor the user who cancels
     * @param reason why; recorded by the vendor
     * @return the command
     */
    public static CancelCommand of(ProcessId process, UserRef actor, String reason) {
        return new CancelCommand(process, actor, reason);
    }
}
