package org.openapproval.core.domain;

/** A file attached to a decision, as the vendor names and locates it (a URL or a vendor file id). */
public record Attachment(String name, String location) {
    public Attachment {
        Identifiers.requireText(name, "attachment name", Identifiers.MAX_SEGMENT_LENGTH, false);
        Identifiers.requireText(location, "attachment location", Identifiers.MAX_TEXT_LENGTH, false);
    }
}
