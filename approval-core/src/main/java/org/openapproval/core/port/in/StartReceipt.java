package org.openapproval.core.port.in;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.openapproval.core.domain.ProcessId;

/**
 * A start was accepted. Some vendors answer with the new process id, others only with the flow's output
 * values (Nocoly hooks), so the process is optional. {@code ignoredInputs} names the parts of the command
 * the provider did not honour (only ever non-empty when the command allowed that).
 *
 * @param process the new process, when the vendor says which it is
 * @param outputs the flow's output values by name, when the vendor returns any
 * @param ignoredInputs parts of the command the provider ignored
 */
public record StartReceipt(Optional<ProcessId> process, Map<String, String> outputs, Set<StartInput> ignoredInputs) {
    /**
     * Copies and checks the components.
     *
     * @param process the new process, when the vendor says which it is
     * @param outputs the flow's output values by name
     * @param ignoredInputs parts of the command the provider ignored
     */
    public StartReceipt {
        Objects.requireNonNull(process, "process");
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(outputs, "outputs")));
        Objects.requireNonNull(ignoredInputs, "ignoredInputs");
        ignoredInputs = ignoredInputs.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(ignoredInputs));
    }

    /**
     * A receipt with nothing ignored; the form providers return.
     *
     * @param process the new process, when the vendor says which it is
     * @param outputs the flow's output values by name
     */
    public StartReceipt(Optional<ProcessId> process, Map<String, String> outputs) {
        this(process, outputs, Set.of());
    }

    /**
     * @param process the new process
     * @return a receipt naming the new process, without outputs
     */
    public static StartReceipt of(ProcessId process) {
        return new StartReceipt(Optional.of(process), Map.of());
    }

    /**
     * @param outputs the flow's output values by name
     * @return a receipt of a vendor that does not say which process it started
     */
    public static StartReceipt withoutProcess(Map<String, String> outputs) {
        return new StartReceipt(Optional.empty(), outputs);
    }

    /**
     * @param ignored parts of the command the provider ignored
     * @return this receipt, also naming those parts
     */
    public StartReceipt withIgnoredInputs(Set<StartInput> ignored) {
        EnumSet<StartInput> all = EnumSet.noneOf(StartInput.class);
        all.addAll(ignoredInputs);
        all.addAll(ignored);
        return new StartReceipt(process, outputs, all);
    }
}
