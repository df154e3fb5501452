package org.openapproval.core.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One node of the flow: start, approval, fill-in, notify or system. Its tasks are listed in the order
 * they were created; a step that was re-opened by a return holds the earlier round's tasks too.
 * {@code assignees} are who the step asks, in order (the order matters for SEQUENTIAL steps).
 */
public record Step(StepId id, String name, StepKind kind, ApprovalMode mode, StepState state, String vendorStatus,
                   List<UserRef> assignees, List<Task> tasks) {
    public Step {
        Objects.requireNonNull(id, "id");
        Identifiers.requireText(name, "step name", Identifiers.MAX_SEGMENT_LENGTH, false);
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(vendorStatus, "vendorStatus");
        assignees = List.copyOf(Objects.requireNonNull(assignees, "assignees"));
        tasks = List.copyOf(Objects.requireNonNull(tasks, "tasks"));
        for (Task t : tasks) {
            if (!t.id().process().equals(id.process())) {
                throw new IllegalArgumentException("task " + t.id() + " does not belong to the process of step " + id);
            }
        }
    }

    public Optional<Task> task(TaskId taskId) {
        return tasks.stream().filter(t -> t.id().equals(taskId)).findFirst();
    }

    public List<Task> pendingTasks() {
        return tasks.stream().filter(Task::isPending).toList();
    }

    Step with(StepState nextState, List<Task> nextTasks) {
        return new Step(id, name, kind, mode, nextState, nextState.name(), assignees, nextTasks);
    }
}
