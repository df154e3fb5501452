package org.openapproval.core.port.in;

import java.util.Objects;

/** Checks shared by the command factories. */
final class Commands {
    private Commands() {
    }

    static String requireComment(String comment) {
        // A null here is a caller's mistake, not "no comment": the factory without a comment says that.
        return Objects.requireNonNull(comment, "comment must not be null; use the factory without a comment for none");
    }
}
