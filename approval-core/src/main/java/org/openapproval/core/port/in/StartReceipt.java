package org.openapproval.core.port.in;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.openapproval.core.domain.ProcessId;

/**
 * A start was accepted. Some vendors answer with the new process id, others only with the flow's
 * output values (Nocoly hooks), so both are optional.
 */
public record StartReceipt(Optional<ProcessId> process, Map<String, String> outputs) {
    public StartReceipt {
        Objects.requireNonNull(process, "process");
        outputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(outputs, "outputs")));
    }
}
