package org.openapproval.core.domain;

import java.util.List;

/**
 * The business record a process runs on: object type plus record id (Fxiaoke objectApiName + dataId,
 * Nocoly worksheetId + rowId). Printable as {@code <type>:<id>}, which {@link #parse(String)} reads.
 */
public record RecordRef(String objectType, String recordId) {
    public RecordRef {
        Identifiers.requireSegment(objectType, "record object type");
        Identifiers.requireSegment(recordId, "record id");
    }

    public static RecordRef of(String objectType, String recordId) {
        return new RecordRef(objectType, recordId);
    }

    public static RecordRef parse(String value) {
        List<String> parts = Identifiers.split(value, "record reference");
        if (parts.size() != 2) {
            throw new IllegalArgumentException("record reference '" + value + "' is not of the form <type>:<id>");
        }
        return new RecordRef(parts.get(0), parts.get(1));
    }

    public String value() {
        return Identifiers.join(List.of(objectType, recordId));
    }

    @Override
    public String toString() {
        return value();
    }
}
