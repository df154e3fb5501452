package org.openapproval.core.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** An approval flow definition as its vendor lists it, with the inputs it takes when started. */
public record ApprovalDefinition(DefinitionRef ref, Optional<String> description, List<InputParameter> inputs,
                                 Map<String, String> attributes) {
    public ApprovalDefinition {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(description, "description");
        inputs = List.copyOf(Objects.requireNonNull(inputs, "inputs"));
        attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(
                Objects.requireNonNull(attributes, "attributes")));
    }

    public static ApprovalDefinition of(DefinitionRef ref, List<InputParameter> inputs) {
        return new ApprovalDefinition(ref, Optional.empty(), inputs, Map.of());
    }

    public List<InputParameter> requiredInputs() {
        return inputs.stream().filter(InputParameter::required).toList();
    }
}
