package org.openapproval.core.port.in;

import java.util.Objects;
import org.openapproval.core.domain.Decision;
import org.openapproval.core.domain.ProcessId;
import org.openapproval.core.domain.UserRef;

/** Cancel (withdraw) an open process, with the reason the vendor records. */
public record CancelCommand(ProcessId process, UserRef actor, String reason) {
    public CancelCommand {
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(reason, "reason must not be null");
        // Same limits as a decision comment: vendors store both as free text.
        Decision.checkComment(reason);
    }
}
