package org.openapproval.core.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One assignee's share of a step (a Fxiaoke task, a Nocoly work item). Keeps the vendor's raw status
 * beside the mapped state, the decision once there is one, and how and by whom the task ended.
 *
 * <p>{@code outcome} is empty while the task is open (WAITING, PENDING) and present once it is not; it
 * must agree with {@code state} ({@link TaskOutcome#taskState()}). A decision comes only with a decision
 * outcome of the same verdict, and then the task was completed by the deciding person. {@code completedBy}
 * is empty when the task is open or the vendor does not say who closed it.
 */
public record Task(TaskId id, UserRef assignee, TaskState state, String vendorStatus, Optional<Decision> decision,
                   Optional<Instant> createdAt, Optional<TaskOutcome> outcome, Optional<Actor> completedBy) {
    public Task {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(assignee, "assignee");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(vendorStatus, "vendorStatus");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(completedBy, "completedBy");
        if (state.isOpen() && (outcome.isPresent() || completedBy.isPresent())) {
            throw new IllegalArgumentException("task " + id + " is " + state + ", so nobody completed it yet; got "
                    + "outcome " + outcome.map(Enum::name).orElse("none") + " by "
                    + completedBy.map(Actor::toString).orElse("nobody"));
        }
        if (!state.isOpen() && outcome.map(TaskOutcome::taskState).filter(state::equals).isEmpty()) {
            throw new IllegalArgumentException("task " + id + " is " + state + ", which needs an outcome leaving "
                    + "that state; got " + outcome.map(Enum::name).orElse("none"));
        }
        if (decision.isPresent()) {
            Decision d = decision.get();
            if (outcome.orElseThrow() != TaskOutcome.of(d.verdict())) {
                throw new IllegalArgumentException("task " + id + " holds a " + d.verdict() + " decision but its "
                        + "outcome is " + outcome.get());
            }
            if (!completedBy.equals(Optional.of(Actor.person(d.actor())))) {
                throw new IllegalArgumentException("task " + id + " was decided by " + d.actor()
                        + ", not completed by " + completedBy.map(Actor::toString).orElse("nobody known"));
            }
        }
    }

    /**
     * A task as vendors used to map it: the outcome follows from the state ({@link TaskOutcome#impliedBy})
     * and, where there is a decision, it was completed by the deciding person. A COMPLETED task needs the
     * full constructor or {@link #completed}, since the state alone does not say how it was completed.
     */
    public Task(TaskId id, UserRef assignee, TaskState state, String vendorStatus, Optional<Decision> decision,
                Optional<Instant> createdAt) {
        this(id, assignee, state, vendorStatus, decision, createdAt, impliedOutcome(state, decision),
                decision.map(d -> Actor.person(d.actor())));
    }

    /** A task with no vendor behind it (in-memory provider, tests): the raw status is the state's name. */
    public static Task of(TaskId id, UserRef assignee, TaskState state) {
        return new Task(id, assignee, state, state.name(), Optional.empty(), Optional.empty());
    }

    /**
     * A task that ended without a decision (filled in, submitted, acknowledged, passed automatically, closed),
     * or with an outcome the vendor did not explain (UNKNOWN). For decisions use the constructor with a
     * {@link Decision}.
     */
    public static Task completed(TaskId id, UserRef assignee, TaskOutcome outcome, Actor by, String vendorStatus,
                                 Optional<Instant> createdAt) {
        Objects.requireNonNull(outcome, "outcome");
        if (outcome.isDecision()) {
            throw new IllegalArgumentException("task " + id + ": a " + outcome + " outcome is a decision; "
                    + "give the Decision instead");
        }
        return new Task(id, assignee, outcome.taskState(), vendorStatus, Optional.empty(), createdAt,
                Optional.of(outcome), Optional.of(Objects.requireNonNull(by, "by")));
    }

    private static Optional<TaskOutcome> impliedOutcome(TaskState state, Optional<Decision> decision) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(decision, "decision");
        if (state == TaskState.COMPLETED) {
            throw new IllegalArgumentException("a COMPLETED task needs its outcome (filled in, submitted, "
                    + "acknowledged or passed automatically); use Task.completed");
        }
        return TaskOutcome.impliedBy(state);
    }

    public boolean isPending() {
        return state.isPending();
    }

    /** Whether the task is still to be done (pending, or waiting for its turn in a sequential step). */
    public boolean isOpen() {
        return state.isOpen();
    }

    Task decided(Decision d) {
        TaskOutcome o = TaskOutcome.of(d.verdict());
        return new Task(id, assignee, o.taskState(), o.taskState().name(), Optional.of(d), createdAt,
                Optional.of(o), Optional.of(Actor.person(d.actor())));
    }

    /** Closes an open task without a decision; closed tasks stay as they are. */
    Task closedWithoutDecision(Actor by) {
        if (!isOpen()) {
            return this;
        }
        return new Task(id, assignee, TaskState.CANCELLED, TaskState.CANCELLED.name(), Optional.empty(), createdAt,
                Optional.of(TaskOutcome.CLOSED_WITHOUT_DECISION), Optional.of(by));
    }

    /** A sequential step's next assignee gets their turn. */
    Task pending() {
        return new Task(id, assignee, TaskState.PENDING, TaskState.PENDING.name(), Optional.empty(), createdAt,
                Optional.empty(), Optional.empty());
    }
}
