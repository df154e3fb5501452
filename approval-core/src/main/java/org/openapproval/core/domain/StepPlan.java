package org.openapproval.core.domain;

import java.util.List;
import java.util.Objects;

/**
 * The shape of one step when a process is opened in this library rather than read from a vendor
 * (in-memory provider, domain tests): name, kind, approval mode and assignees in order.
 */
public record StepPlan(String name, StepKind kind, ApprovalMode mode, List<UserRef> assignees) {
    public StepPlan {
        Identifiers.requireText(name, "step name", Identifiers.MAX_SEGMENT_LENGTH, false);
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mode, "mode");
        assignees = List.copyOf(Objects.requireNonNull(assignees, "assignees"));
        if (assignees.stream().map(UserRef::id).distinct().count() < assignees.size()) {
            throw new IllegalArgumentException("step '" + name + "' lists an assignee twice: " + assignees);
        }
        if (mode == ApprovalMode.SINGLE && assignees.size() > 1) {
            throw new IllegalArgumentException("step '" + name + "' is SINGLE but has " + assignees.size() + " assignees");
        }
    }

    public static StepPlan approval(String name, ApprovalMode mode, UserRef... assignees) {
        return new StepPlan(name, StepKind.APPROVAL, mode, List.of(assignees));
    }
}
