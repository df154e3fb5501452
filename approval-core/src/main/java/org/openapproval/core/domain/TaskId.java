package org.openapproval.core.domain;

import java.util.List;

/**
 * Identifies one task (one assignee's share of a step) and the process it belongs to, so a task id
 * printed once is all a caller needs to approve, reject or return it later.
 *
 * <p>Printable form: {@code <process id>/<task segments>}; {@link #parse(String)} reads it back.
 */
public record TaskId(ProcessId process, List<String> segments) {
    public TaskId {
        if (process == null) {
            throw new IllegalArgumentException("task id needs its process id");
        }
        segments = ProcessId.checkedSegments(segments, "task id");
    }

    public static TaskId of(ProcessId process, String... segments) {
        if (segments == null) {
            throw new NullPointerException("task id segments must not be null");
        }
        return new TaskId(process, Identifiers.listOf(segments, "task id segment"));
    }

    public static TaskId parse(String value) {
        ChildIds.Parts parts = ChildIds.split(value, "task id");
        return new TaskId(parts.process(), parts.segments());
    }

    public String segment(int index) {
        return segments.get(index);
    }

    public String value() {
        return process.value() + '/' + Identifiers.join(segments);
    }

    @Override
    public String toString() {
        return value();
    }
}
