package org.openapproval.core.port.out;

import java.util.List;
import java.util.Optional;
import org.openapproval.core.domain.ApprovalProcess;
import org.openapproval.core.domain.ProcessId;
import org.openapproval.core.domain.RecordRef;

/** Reads processes, with their steps and tasks. Absence is empty, never an exception. */
public interface ProcessReader {
    Optional<ApprovalProcess> process(ProcessId id);

    List<ApprovalProcess> processesOf(RecordRef record);
}
