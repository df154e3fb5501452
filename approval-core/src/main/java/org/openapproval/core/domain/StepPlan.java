package org.openapproval.core.domain;

import java.util.List;
import java.util.Objects;

/**
 * The shape of one step when a process is opened in this library rather than read from a vendor
 * (in-memory provider, domain tests): name, kind, approval mode, assignees in order, and the stage it runs
 * in. Steps given the same stage run side by side; the plan lists stages in order. Without a stage
 * ({@link Step#OWN_STAGE}) a step runs alone after the step listed before it, so a plan of such steps is
 * the plain sequential flow.
 */
public record StepPlan(String name, StepKind kind, ApprovalMode mode, List<UserRef> assignees, int stage) {
    public StepPlan {
        Identifiers.requireText(name, "step name", Identifiers.MAX_SEGMENT_LENGTH, false);
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mode, "mode");
        assignees = List.copyOf(Objects.requireNonNull(assignees, "assignees"));
        if (stage < 0) {
            throw new IllegalArgumentException("step '" + name + "' has stage " + stage + "; stages count from 1");
        }
        if (assignees.stream().map(UserRef::id).distinct().count() < assignees.size()) {
            throw new IllegalArgumentException("step '" + name + "' lists an assignee twice: " + assignees);
        }
        if (mode == ApprovalMode.SINGLE && assignees.size() > 1) {
            throw new IllegalArgumentException("step '" + name + "' is SINGLE but has " + assignees.size() + " assignees");
        }
    }

    /** A step of a sequential flow (a stage of its own). */
    public StepPlan(String name, StepKind kind, ApprovalMode mode, List<UserRef> assignees) {
        this(name, kind, mode, assignees, Step.OWN_STAGE);
    }

    public static StepPlan approval(String name, ApprovalMode mode, UserRef... assignees) {
        return new StepPlan(name, StepKind.APPROVAL, mode, List.of(assignees));
    }

    /** The same step, run in stage {@code number} beside the other steps of that stage. */
    public StepPlan inStage(int number) {
        if (number < 1) {
            throw new IllegalArgumentException("step '" + name + "': stages count from 1, not " + number);
        }
        return new StepPlan(name, kind, mode, assignees, number);
    }
}
