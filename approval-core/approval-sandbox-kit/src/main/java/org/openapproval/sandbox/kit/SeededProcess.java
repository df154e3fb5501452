package org.openapproval.sandbox.kit;

import java.util.Objects;
import org.openapproval.core.domain.ProcessId;
import org.openapproval.core.domain.RecordRef;

/** Where a seeded process can be found through the provider. */
public record SeededProcess(ProcessId process, RecordRef record, String definitionId) {
    public SeededProcess {
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(definitionId, "definitionId");
    }
}
