package org.openapproval.core.port.out;

import java.util.List;
import java.util.Optional;
import org.openapproval.core.domain.ApprovalProcess;
import org.openapproval.core.domain.ProcessId;
import org.openapproval.core.domain.RecordRef;

/** Reads processes, with their steps and tasks. Absence is empty, never an exception. */
public interface ProcessReader {
    /**
     * @param id a process id
     * @return the process, or empty if there is none
     */
    Optional<ApprovalProcess> process(ProcessId id);

    /**
     * @param record a business record
     * @return every process that ran or runs on it, oldest first
     */
    List<ApprovalProcess> processesOf(RecordRef record);
}
