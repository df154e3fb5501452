package org.openapproval.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.openapproval.core.domain.DomainFixtures.ALICE;
import static org.openapproval.core.domain.DomainFixtures.BOB;
import static org.openapproval.core.domain.DomainFixtures.CAROL;
import static org.openapproval.core.domain.DomainFixtures.CONTRACT;
import static org.openapproval.core.domain.DomainFixtures.FLOW;
import static org.openapproval.core.domain.DomainFixtures.INITIATOR;
import static org.openapproval.core.domain.DomainFixtures.P1;
import static org.openapproval.core.domain.DomainFixtures.T0;
import static org.openapproval.core.domain.DomainFixtures.approve;
import static org.openapproval.core.domain.DomainFixtures.open;
import static org.openapproval.core.domain.DomainFixtures.pendingTaskOf;
import static org.openapproval.core.domain.DomainFixtures.single;
import static org.openapproval.core.domain.DomainFixtures.stepId;
import static org.openapproval.core.domain.DomainFixtures.t;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A process's history only moves forward, and times a vendor did not give stay unknown. */
class TimeOrderTest {

    @Nested
    class ForwardOnly {
        private final ApprovalProcess atFinance = approve(open(single("Manager", ALICE), single("Finance", BOB)),
                ALICE, t(5));

        @Test
        void aDecisionBeforeTheLastChangeIsRefused() {
            TaskId bobs = pendingTaskOf(atFinance, BOB);
            DecisionTimeException e = assertThrows(DecisionTimeException.class,
                    () -> atFinance.apply(bobs, Decision.approve(BOB, null, t(3))));
            assertEquals("cannot approve task P1/2:1 at 2024-03-01T09:03:00Z: process P1 last changed at "
                    + "2024-03-01T09:05:00Z, and its history only moves forward in time", e.reason());
        }

        @Test
        void aCancellationBeforeTheLastChangeOrTheStartIsRefused() {
            assertThrows(DecisionTimeException.class, () -> atFinance.cancel(INITIATOR, "withdrawn", t(4)));
            DecisionTimeException e = assertThrows(DecisionTimeException.class,
                    () -> open(single("Manager", ALICE)).cancel(INITIATOR, "withdrawn", T0.minusSeconds(1)));
            assertEquals("cannot cancel it at 2024-03-01T08:59:59Z: process P1 only started at 2024-03-01T09:00:00Z",
                    e.reason());
        }

        @Test
        void theSameInstantAsTheLastChangeIsFine() {
            ApprovalProcess done = approve(atFinance, BOB, t(5));
            assertEquals(ProcessState.APPROVED, done.state());
            assertEquals(Optional.of(t(5)), done.updatedAt());
        }

        @Test
        void aDecisionWithoutATimeCannotBeApplied() {
            TaskId bobs = pendingTaskOf(atFinance, BOB);
            Decision untimed = new Decision(Verdict.APPROVE, BOB, Optional.empty(), Optional.empty(), Optional.empty(),
                    List.of());
            DecisionTimeException e = assertThrows(DecisionTimeException.class, () -> atFinance.apply(bobs, untimed));
            assertEquals("the APPROVE decision by bob on task P1/2:1 has no time; a decision applied to process P1 "
                    + "needs one", e.reason());
        }

        @Test
        void theLastChangeIsTheStartUntilSomethingHappens() {
            assertEquals(T0, open(single("Manager", ALICE)).lastChangedAt());
            assertEquals(t(5), atFinance.lastChangedAt());
        }
    }

    @Nested
    class UnknownTimes {

        @Test
        void decisionsAndEntriesMayHaveNoTime() {
            Decision d = new Decision(Verdict.REJECT, ALICE, Optional.of("no"), Optional.empty(), Optional.empty(),
                    List.of());
            assertEquals(Optional.empty(), d.time());
            @SuppressWarnings("deprecation")
            IllegalStateException e = assertThrows(IllegalStateException.class, d::decidedAt);
            assertEquals("the time of this REJECT decision by alice is unknown", e.getMessage());

            TimelineEntry entry = new TimelineEntry(Optional.empty(), TimelineEntry.Kind.DECISION, "x",
                    Optional.empty(), Optional.empty());
            assertEquals(Optional.empty(), entry.time());
            assertEquals(Optional.of(T0), new TimelineEntry(T0, TimelineEntry.Kind.DECISION, "x", Optional.empty(),
                    Optional.empty()).time());
        }

        @Test
        void theOldConstructorsStillTakeAKnownTime() {
            Decision d = new Decision(Verdict.APPROVE, ALICE, Optional.empty(), t(1), Optional.empty(), List.of());
            assertEquals(Optional.of(t(1)), d.time());
            assertEquals(d, Decision.approve(ALICE, null, t(1)));
        }

        /**
         * Read from a vendor: Draft decided at t(1) and at an unknown time, Review decided at an unknown time
         * only, Sign at t(3). Untimed decisions follow their step's timed entries, or the steps before them.
         */
        @Test
        void theTimelinePlacesUntimedDecisionsAfterTheirStepsTimedEntries() {
            Step draft = new Step(stepId(1), "Draft", StepKind.APPROVAL, ApprovalMode.ALL_OF, StepState.APPROVED,
                    "done", List.of(ALICE, CAROL), List.of(decided(1, 1, ALICE, Optional.of(t(1))),
                    decided(1, 2, CAROL, Optional.empty())));
            Step review = new Step(stepId(2), "Review", StepKind.APPROVAL, ApprovalMode.SINGLE, StepState.APPROVED,
                    "done", List.of(BOB), List.of(decided(2, 1, BOB, Optional.empty())));
            Step sign = new Step(stepId(3), "Sign", StepKind.APPROVAL, ApprovalMode.SINGLE, StepState.APPROVED,
                    "done", List.of(INITIATOR), List.of(decided(3, 1, INITIATOR, Optional.of(t(3)))));
            ApprovalProcess read = ApprovalProcess.builder().id(P1).providerId("vendor").definition(FLOW)
                    .record(CONTRACT).state(ProcessState.APPROVED).createdAt(T0).endedAt(t(4))
                    .steps(List.of(draft, review, sign)).build();

            List<TimelineEntry> timeline = read.timeline();
            assertEquals(List.of(
                    "process started on Contract:C1",
                    "alice approved at step 'Draft'",
                    "carol approved at step 'Draft'",
                    "bob approved at step 'Review'",
                    "Ivy (ini) approved at step 'Sign'",
                    "process APPROVED"), timeline.stream().map(TimelineEntry::description).toList());
            assertEquals(List.of(Optional.of(T0), Optional.of(t(1)), Optional.empty(), Optional.empty(),
                    Optional.of(t(3)), Optional.of(t(4))), timeline.stream().map(TimelineEntry::time).toList());
        }

        @Test
        void anUntimedDecisionOfAStepWithNothingBeforeItFollowsTheStart() {
            Step first = new Step(stepId(1), "Draft", StepKind.APPROVAL, ApprovalMode.SINGLE, StepState.APPROVED,
                    "done", List.of(ALICE), List.of(decided(1, 1, ALICE, Optional.empty())));
            Step second = new Step(stepId(2), "Review", StepKind.APPROVAL, ApprovalMode.SINGLE, StepState.APPROVED,
                    "done", List.of(BOB), List.of(decided(2, 1, BOB, Optional.of(t(2)))));
            ApprovalProcess read = ApprovalProcess.builder().id(P1).providerId("vendor").definition(FLOW)
                    .record(CONTRACT).state(ProcessState.APPROVED).createdAt(T0).endedAt(t(3))
                    .steps(List.of(first, second)).build();
            assertEquals(List.of("process started on Contract:C1", "alice approved at step 'Draft'",
                            "bob approved at step 'Review'", "process APPROVED"),
                    read.timeline().stream().map(TimelineEntry::description).toList());
        }

        private static Task decided(int step, int n, UserRef who, Optional<Instant> at) {
            Decision d = new Decision(Verdict.APPROVE, who, Optional.empty(), at, Optional.empty(), List.of());
            return new Task(TaskId.of(P1, String.valueOf(step), String.valueOf(n)), who, TaskState.APPROVED, "agree",
                    Optional.of(d), Optional.empty());
        }
    }
}
