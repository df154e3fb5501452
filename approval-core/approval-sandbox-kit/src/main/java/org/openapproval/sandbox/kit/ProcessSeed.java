package org.openapproval.sandbox.kit;

import java.util.List;
import java.util.Objects;
import org.openapproval.core.domain.Identifiers;
import org.openapproval.core.domain.StepPlan;
import org.openapproval.core.domain.UserRef;

/**
 * A business record with a running approval flow, in neutral terms. The sandbox picks vendor-shaped
 * ids for the record and the process.
 *
 * @param definitionName display name of the flow (the sandbox creates the definition if needed)
 * @param recordTitle    a human title for the business record (e.g. "Contract 2026-001")
 * @param initiator      who submitted the record for approval
 * @param steps          the flow's steps in order; the first one is reached at once
 */
public record ProcessSeed(String definitionName, String recordTitle, UserRef initiator, List<StepPlan> steps) {
    public ProcessSeed {
        Identifiers.requireSegment(definitionName, "definition name");
        Identifiers.requireSegment(recordTitle, "record title");
        Objects.requireNonNull(initiator, "initiator");
        steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a seeded process needs at least one step");
        }
    }
}
