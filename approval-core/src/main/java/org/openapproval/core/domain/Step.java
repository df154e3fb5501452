package org.openapproval.core.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One node of the flow: start, approval, fill-in, notify or system. Its tasks are listed in the order
 * they were created; a step that was re-opened by a return holds the earlier round's tasks too, and keeps
 * its id and name. {@code assignees} are who the step asks, in order (the order matters for SEQUENTIAL steps).
 *
 * <p>Steps run in numbered {@code stage}s: the steps of one stage run side by side (parallel branches), and
 * a later stage starts only once every step of the stage before has finished. A sequential flow has one
 * step per stage. {@link #OWN_STAGE} (0, what the constructor without a stage gives) places the step in a
 * stage of its own right after the step listed before it; an {@link ApprovalProcess} replaces it with the
 * number, so its steps always have a stage of 1 or more.
 */
public record Step(StepId id, String name, StepKind kind, ApprovalMode mode, StepState state, String vendorStatus,
                   List<UserRef> assignees, List<Task> tasks, int stage) {
    /** Not numbered: a stage of its own after the step listed before it. */
    public static final int OWN_STAGE = 0;

    public Step {
        Objects.requireNonNull(id, "id");
        Identifiers.requireText(name, "step name", Identifiers.MAX_SEGMENT_LENGTH, false);
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(vendorStatus, "vendorStatus");
        assignees = List.copyOf(Objects.requireNonNull(assignees, "assignees"));
        tasks = List.copyOf(Objects.requireNonNull(tasks, "tasks"));
        if (stage < 0) {
            throw new IllegalArgumentException("step '" + name + "' has stage " + stage + "; stages count from 1");
        }
        for (Task t : tasks) {
            if (!t.id().process().equals(id.process())) {
                throw new IllegalArgumentException("task " + t.id() + " does not belong to the process of step " + id);
            }
        }
    }

    /** A step of a sequential flow: a stage of its own, after the step listed before it. */
    public Step(StepId id, String name, StepKind kind, ApprovalMode mode, StepState state, String vendorStatus,
                List<UserRef> assignees, List<Task> tasks) {
        this(id, name, kind, mode, state, vendorStatus, assignees, tasks, OWN_STAGE);
    }

    public Optional<Task> task(TaskId taskId) {
        return tasks.stream().filter(t -> t.id().equals(taskId)).findFirst();
    }

    public List<Task> pendingTasks() {
        return tasks.stream().filter(Task::isPending).toList();
    }

    /** The same step in another stage. */
    public Step inStage(int number) {
        return new Step(id, name, kind, mode, state, vendorStatus, assignees, tasks, number);
    }

    /** Whether the step waits for people; NOTIFY and SYSTEM steps, and steps nobody is assigned to, pass alone. */
    boolean needsPeople() {
        return kind != StepKind.NOTIFY && kind != StepKind.SYSTEM && !assignees.isEmpty();
    }

    Step with(StepState nextState, List<Task> nextTasks) {
        return new Step(id, name, kind, mode, nextState, nextState.name(), assignees, nextTasks, stage);
    }
}
