package org.openapproval.core.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * A decision the domain has checked against the process as it was read: what a decision writer sends.
 * Only {@link ApprovalProcess#decide} makes one, so holding one means the checks ran. It carries the step
 * and task it concerns and, for a return, the target step, so an adapter finds the vendor ids it needs
 * without another read.
 */
public final class ValidatedDecision {
    private final ApprovalProcess process;
    private final Step step;
    private final Task task;
    private final Decision decision;
    private final Optional<Step> returnTarget;

    ValidatedDecision(ApprovalProcess process, Step step, Task task, Decision decision, Optional<Step> returnTarget) {
        this.process = Objects.requireNonNull(process, "process");
        this.step = Objects.requireNonNull(step, "step");
        this.task = Objects.requireNonNull(task, "task");
        this.decision = Objects.requireNonNull(decision, "decision");
        this.returnTarget = Objects.requireNonNull(returnTarget, "returnTarget");
    }

    public ApprovalProcess process() {
        return process;
    }

    public Step step() {
        return step;
    }

    public Task task() {
        return task;
    }

    public Decision decision() {
        return decision;
    }

    /** The step a RETURN goes back to; empty for other verdicts. */
    public Optional<Step> returnTarget() {
        return returnTarget;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValidatedDecision v && process.equals(v.process) && step.equals(v.step)
                && task.equals(v.task) && decision.equals(v.decision) && returnTarget.equals(v.returnTarget);
    }

    @Override
    public int hashCode() {
        return Objects.hash(process.id(), task.id(), decision);
    }

    @Override
    public String toString() {
        return "ValidatedDecision[" + decision.verdict() + " on " + task.id() + " by " + decision.actor() + "]";
    }
}
