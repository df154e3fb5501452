package org.openapproval.core.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One assignee's share of a step (a Fxiaoke task, a Nocoly work item). Keeps the vendor's raw status
 * beside the mapped state, and the decision once there is one.
 */
public record Task(TaskId id, UserRef assignee, TaskState state, String vendorStatus, Optional<Decision> decision,
                   Optional<Instant> createdAt) {
    public Task {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(assignee, "assignee");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(vendorStatus, "vendorStatus");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A task with no vendor behind it (in-memory provider, tests): the raw status is the state's name. */
    public static Task of(TaskId id, UserRef assignee, TaskState state) {
        return new Task(id, assignee, state, state.name(), Optional.empty(), Optional.empty());
    }

    public boolean isPending() {
        return state.isPending();
    }

    Task decided(Decision d) {
        TaskState next = d.verdict().resultingTaskState();
        return new Task(id, assignee, next, next.name(), Optional.of(d), createdAt);
    }

    Task withState(TaskState next) {
        return new Task(id, assignee, next, next.name(), decision, createdAt);
    }
}
