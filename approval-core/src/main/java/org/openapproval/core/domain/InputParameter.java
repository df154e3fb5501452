package org.openapproval.core.domain;

import java.util.Objects;
import java.util.Optional;

/** One input a definition takes when started (Nocoly process input parameters): name, vendor type, required. */
public record InputParameter(String name, String type, boolean required, Optional<String> description) {
    public InputParameter {
        Identifiers.requireSegment(name, "input name");
        Identifiers.requireSegment(type, "input type");
        Objects.requireNonNull(description, "description");
    }
}
