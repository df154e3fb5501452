package org.openapproval.core.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * A decision the domain has checked against the process as it was read: what a decision writer sends.
 * It carries the step and task it concerns and, for a return, the target step, so an adapter can find
 * the vendor ids it needs without another read.
 */
public record ValidatedDecision(ApprovalProcess process, Step step, Task task, Decision decision,
                                Optional<Step> returnTarget) {
    public ValidatedDecision {
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(returnTarget, "returnTarget");
    }
}
