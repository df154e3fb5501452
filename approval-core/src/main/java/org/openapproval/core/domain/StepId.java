package org.openapproval.core.domain;

import java.util.List;

/**
 * Identifies one step (node) of a process. Like {@link TaskId} it carries its process, so it can be
 * pasted as a return target without further context.
 */
public record StepId(ProcessId process, List<String> segments) {
    public StepId {
        if (process == null) {
            throw new IllegalArgumentException("step id needs its process id");
        }
        segments = ProcessId.checkedSegments(segments, "step id");
    }

    public static StepId of(ProcessId process, String... segments) {
        return new StepId(process, List.of(segments));
    }

    public static StepId parse(String value) {
        ChildIds.Parts parts = ChildIds.split(value, "step id");
        return new StepId(parts.process(), parts.segments());
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
