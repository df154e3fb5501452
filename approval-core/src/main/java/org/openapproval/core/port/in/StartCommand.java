package org.openapproval.core.port.in;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.openapproval.core.domain.DefinitionRef;
import org.openapproval.core.domain.Identifiers;
import org.openapproval.core.domain.RecordRef;
import org.openapproval.core.domain.UserRef;

/**
 * Start (trigger) a definition, optionally on a record, with input values by input name. Values are
 * checked against the definition's required inputs before anything is sent, where the provider can
 * list definitions.
 */
public record StartCommand(String definitionId, Optional<UserRef> initiator, Optional<RecordRef> record,
                           Map<String, String> inputs) {
    static final int MAX_INPUTS = 200;
    static final int MAX_VALUE_LENGTH = 65_536;

    public StartCommand {
        DefinitionRef.of(definitionId); // validates the id
        Objects.requireNonNull(initiator, "initiator");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(inputs, "inputs");
        if (inputs.size() > MAX_INPUTS) {
            throw new IllegalArgumentException(inputs.size() + " inputs given; the limit is " + MAX_INPUTS);
        }
        Map<String, String> copy = new LinkedHashMap<>();
        inputs.forEach((k, v) -> {
            Identifiers.requireSegment(k, "input name");
            Objects.requireNonNull(v, () -> "input '" + k + "' has no value");
            if (v.length() > MAX_VALUE_LENGTH) {
                throw new IllegalArgumentException("input '" + k + "' is " + v.length()
                        + " characters long; the limit is " + MAX_VALUE_LENGTH);
            }
            copy.put(k, v);
        });
        inputs = java.util.Collections.unmodifiableMap(copy);
    }

    public static StartCommand of(String definitionId, Map<String, String> inputs) {
        return new StartCommand(definitionId, Optional.empty(), Optional.empty(), inputs);
    }
}
