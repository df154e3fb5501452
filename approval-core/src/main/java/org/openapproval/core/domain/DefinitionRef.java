package org.openapproval.core.domain;

/**
 * Points at an approval flow definition: the vendor's id for it (Fxiaoke flow api name, Nocoly process
 * id) and a display name for people. When the vendor gives no name the id doubles as the name.
 */
public record DefinitionRef(String id, String displayName) {
    public DefinitionRef {
        Identifiers.requireSegment(id, "definition id");
        Identifiers.requireText(displayName, "definition name", Identifiers.MAX_SEGMENT_LENGTH, false);
    }

    public static DefinitionRef of(String id) {
        return new DefinitionRef(id, id);
    }

    @Override
    public String toString() {
        return id.equals(displayName) ? id : displayName + " (" + id + ")";
    }
}
