package org.openapproval.core.domain;

import java.util.List;

/** Parsing shared by the ids that hang below a process ({@code <process>/<own segments>}). */
final class ChildIds {
    record Parts(ProcessId process, List<String> segments) {
    }

    private ChildIds() {
    }

    static Parts split(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        int slash = value.indexOf('/');
        if (slash <= 0 || slash == value.length() - 1 || value.indexOf('/', slash + 1) >= 0) {
            throw new IllegalArgumentException(
                    what + " '" + value + "' is not of the form <process id>/<" + what.replace(" id", "") + ">");
        }
        ProcessId process = new ProcessId(Identifiers.split(value.substring(0, slash), what));
        return new Parts(process, Identifiers.split(value.substring(slash + 1), what));
    }
}
