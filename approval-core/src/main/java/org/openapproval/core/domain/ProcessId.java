package org.openapproval.core.domain;

import java.util.List;

/**
 * Identifies one approval process at its provider. Opaque to callers, but it carries every vendor id
 * needed to find the process again (Nocoly needs worksheet, row and instance id; Fxiaoke the object api
 * name, record id and instance id), so no caller ever assembles vendor ids by hand.
 *
 * <p>{@link #value()} is a stable, printable form that {@link #parse(String)} reads back exactly.
 */
public record ProcessId(List<String> segments) {
    static final int MAX_SEGMENTS = 8;

    public ProcessId {
        segments = checkedSegments(segments, "process id");
    }

    public static ProcessId of(String... segments) {
        if (segments == null) {
            throw new NullPointerException("process id segments must not be null");
        }
        return new ProcessId(Identifiers.listOf(segments, "process id segment"));
    }

    /** Reads back a {@link #value()}. */
    public static ProcessId parse(String value) {
        if (value != null && value.indexOf('/') >= 0) {
            throw new IllegalArgumentException("'" + value + "' is a task or step id, not a process id");
        }
        return new ProcessId(Identifiers.split(value, "process id"));
    }

    public String segment(int index) {
        return segments.get(index);
    }

    public String value() {
        return Identifiers.join(segments);
    }

    @Override
    public String toString() {
        return value();
    }

    static List<String> checkedSegments(List<String> segments, String what) {
        if (segments == null || segments.isEmpty()) {
            throw new IllegalArgumentException(what + " needs at least one segment");
        }
        if (segments.size() > MAX_SEGMENTS) {
            throw new IllegalArgumentException(what + " has " + segments.size() + " segments; the limit is " + MAX_SEGMENTS);
        }
        for (String s : segments) {
            Identifiers.requireSegment(s, what + " segment");
        }
        return List.copyOf(segments);
    }
}
