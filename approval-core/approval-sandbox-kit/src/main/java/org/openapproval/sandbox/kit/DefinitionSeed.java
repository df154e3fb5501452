package org.openapproval.sandbox.kit;

import java.util.List;
import java.util.Objects;
import org.openapproval.core.domain.Identifiers;
import org.openapproval.core.domain.InputParameter;

/** A definition to create in a sandbox: display name and start inputs. */
public record DefinitionSeed(String name, List<InputParameter> inputs) {
    public DefinitionSeed {
        Identifiers.requireSegment(name, "definition name");
        inputs = List.copyOf(Objects.requireNonNull(inputs, "inputs"));
    }
}
