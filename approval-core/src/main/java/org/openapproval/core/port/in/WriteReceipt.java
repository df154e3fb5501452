package org.openapproval.core.port.in;

import java.util.Objects;
import java.util.Optional;
import org.openapproval.core.domain.ApprovalProcess;
import org.openapproval.core.domain.ProcessId;

/**
 * A write took effect. {@code processAfter} is the process read back afterwards (empty if that read
 * failed; the write itself still succeeded). {@code confirmedByReadBack} is true when the write's own
 * response was lost in transit and only the read-back showed it took effect.
 *
 * @param process the process written to
 * @param processAfter the process read back after the write, or empty if that read failed
 * @param confirmedByReadBack whether only the read-back showed the write took effect
 */
public record WriteReceipt(ProcessId process, Optional<ApprovalProcess> processAfter, boolean confirmedByReadBack) {
    /**
     * Checks the components.
     *
     * @param process the process written to
     * @param processAfter the process read back after the write, or empty
     * @param confirmedByReadBack whether only the read-back showed the write took effect
     */
    public WriteReceipt {
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(processAfter, "processAfter");
    }
}
