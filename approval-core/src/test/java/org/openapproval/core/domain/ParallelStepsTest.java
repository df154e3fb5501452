package org.openapproval.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openapproval.core.domain.DomainFixtures.ALICE;
import static org.openapproval.core.domain.DomainFixtures.BOB;
import static org.openapproval.core.domain.DomainFixtures.CAROL;
import static org.openapproval.core.domain.DomainFixtures.approve;
import static org.openapproval.core.domain.DomainFixtures.open;
import static org.openapproval.core.domain.DomainFixtures.single;
import static org.openapproval.core.domain.DomainFixtures.step;
import static org.openapproval.core.domain.DomainFixtures.t;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Processes read from a vendor may run two steps at once; transitions must not disturb the other one. */
class ParallelStepsTest {

    @Test
    void approvingOneStepDoesNotReopenAParallelStepThatIsAlreadyRunning() {
        ApprovalProcess p = open(single("Legal", ALICE), single("Finance", BOB), single("Sign", CAROL));
        Step finance = step(p, 2);
        Task bobsTask = Task.of(TaskId.of(DomainFixtures.P1, "2", "1"), BOB, TaskState.PENDING);
        ApprovalProcess parallel = p.toBuilder()
                .steps(List.of(step(p, 1), finance.with(StepState.IN_PROGRESS, List.of(bobsTask)), step(p, 3)))
                .build();

        ApprovalProcess after = approve(parallel, ALICE, t(1));

        assertEquals(StepState.APPROVED, step(after, 1).state());
        assertEquals(List.of(bobsTask), step(after, 2).tasks(), "the running step keeps its one task");
        assertEquals(StepState.WAITING, step(after, 3).state());
    }

    @Test
    void theFinalApprovalIsAttributedToWhoeverGaveIt() {
        ApprovalProcess approved = approve(open(single("Only", ALICE)), ALICE, t(1));
        TimelineEntry last = approved.timeline().get(approved.timeline().size() - 1);
        assertEquals(TimelineEntry.Kind.PROCESS_STATE_CHANGED, last.kind());
        assertEquals(Optional.of(ALICE), last.actor());
    }

    @Test
    void aStepNobodyIsAssignedToIsNoReturnTarget() {
        ApprovalProcess p = open(new StepPlan("Auto check", StepKind.APPROVAL, ApprovalMode.ANY_OF, List.of()),
                single("Review", ALICE), single("Sign", BOB));
        ApprovalProcess atSign = approve(p, ALICE, t(1));
        TaskId signTask = DomainFixtures.pendingTaskOf(atSign, BOB);
        assertEquals(List.of("Review"), atSign.returnTargets(signTask).stream().map(Step::name).toList());
    }

    @Test
    void idsAndTextsRefuseLineSeparatorsAndIdsRefuseBidiOverrides() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> UserRef.of("bob\u2028x"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> UserRef.of("evil\u202Etxt"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Decision.approve(ALICE, "fine\u2029Approved by CEO", t(1)));
        assertEquals("مرحبا\nok", Decision.approve(ALICE, "مرحبا\nok", t(1)).comment().orElseThrow());
    }

    @Test
    void aStepCannotListOnePersonTwice() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> StepPlan.approval("Sign", ApprovalMode.ALL_OF, BOB, CAROL, BOB));
    }
}
