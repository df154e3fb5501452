package org.openapproval.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openapproval.core.domain.DomainFixtures.ALICE;
import static org.openapproval.core.domain.DomainFixtures.BOB;
import static org.openapproval.core.domain.DomainFixtures.CAROL;
import static org.openapproval.core.domain.DomainFixtures.INITIATOR;
import static org.openapproval.core.domain.DomainFixtures.P1;
import static org.openapproval.core.domain.DomainFixtures.T0;
import static org.openapproval.core.domain.DomainFixtures.anyOf;
import static org.openapproval.core.domain.DomainFixtures.approve;
import static org.openapproval.core.domain.DomainFixtures.open;
import static org.openapproval.core.domain.DomainFixtures.reject;
import static org.openapproval.core.domain.DomainFixtures.single;
import static org.openapproval.core.domain.DomainFixtures.step;
import static org.openapproval.core.domain.DomainFixtures.t;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** How tasks end ({@link TaskOutcome}) and who ended them ({@link Actor}). */
class TaskOutcomesTest {
    private static final TaskId ID = TaskId.of(P1, "n1", "t1");

    @Nested
    class Outcomes {

        @Test
        void onlyApproveRejectAndReturnAreDecisions() {
            assertEquals(List.of(TaskOutcome.APPROVED, TaskOutcome.REJECTED, TaskOutcome.RETURNED),
                    java.util.Arrays.stream(TaskOutcome.values()).filter(TaskOutcome::isDecision).toList());
            for (Verdict v : Verdict.values()) {
                assertEquals(v.resultingTaskState(), TaskOutcome.of(v).taskState());
            }
        }

        @Test
        void completionsWithoutDecisionLeaveACompletedTask() {
            for (TaskOutcome o : List.of(TaskOutcome.FILLED_IN, TaskOutcome.SUBMITTED, TaskOutcome.ACKNOWLEDGED,
                    TaskOutcome.PASSED_AUTOMATICALLY)) {
                assertEquals(TaskState.COMPLETED, o.taskState(), o.name());
            }
            assertEquals(TaskState.CANCELLED, TaskOutcome.CLOSED_WITHOUT_DECISION.taskState());
            assertEquals(TaskState.UNKNOWN, TaskOutcome.UNKNOWN.taskState());
        }

        @Test
        void aReadCarbonCopyIsAcknowledgedByThePersonNotApproved() {
            Task cc = Task.completed(ID, CAROL, TaskOutcome.ACKNOWLEDGED, Actor.person(CAROL), "1", Optional.of(T0));
            assertEquals(TaskState.COMPLETED, cc.state());
            assertEquals(Optional.of(TaskOutcome.ACKNOWLEDGED), cc.outcome());
            assertEquals(Optional.of(Actor.person(CAROL)), cc.completedBy());
            assertEquals(Optional.empty(), cc.decision());
            assertEquals("1", cc.vendorStatus());
            assertFalse(cc.isOpen());
        }

        @Test
        void anAutomaticPassIsByTheSystem() {
            Task passed = Task.completed(ID, BOB, TaskOutcome.PASSED_AUTOMATICALLY, Actor.system(), "auto",
                    Optional.empty());
            assertTrue(passed.completedBy().orElseThrow().isSystem());
            assertEquals("the system", Actor.system().toString());
            assertEquals("bob", Actor.person(BOB).toString());
        }

        @Test
        void anUnknownVendorValueStaysUnknownWithItsRawStatus() {
            Task odd = new Task(ID, ALICE, TaskState.UNKNOWN, "delegated", Optional.empty(), Optional.empty());
            assertEquals(Optional.of(TaskOutcome.UNKNOWN), odd.outcome());
            assertEquals("delegated", odd.vendorStatus());
            assertEquals(Optional.empty(), odd.completedBy());
            Task completedSomehow = Task.completed(ID, ALICE, TaskOutcome.UNKNOWN, Actor.system(), "x9",
                    Optional.empty());
            assertEquals(TaskState.UNKNOWN, completedSomehow.state());
        }

        @Test
        void theOldConstructorDerivesTheOutcomeFromStateAndDecision() {
            Decision d = Decision.approve(ALICE, "ok", t(1));
            Task decided = new Task(ID, ALICE, TaskState.APPROVED, "agree", Optional.of(d), Optional.empty());
            assertEquals(Optional.of(TaskOutcome.APPROVED), decided.outcome());
            assertEquals(Optional.of(Actor.person(ALICE)), decided.completedBy());

            Task open = Task.of(ID, ALICE, TaskState.PENDING);
            assertEquals(Optional.empty(), open.outcome());
            assertEquals(Optional.empty(), open.completedBy());
            assertEquals(Optional.of(TaskOutcome.CLOSED_WITHOUT_DECISION),
                    Task.of(ID, ALICE, TaskState.CANCELLED).outcome());
            assertEquals(Optional.of(TaskOutcome.REJECTED), Task.of(ID, ALICE, TaskState.REJECTED).outcome(),
                    "a vendor may report a verdict without the decision's details");
        }
    }

    @Nested
    class Consistency {

        @Test
        void aCompletedTaskMustSayHowItWasCompleted() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Task.of(ID, ALICE, TaskState.COMPLETED));
            assertTrue(e.getMessage().contains("use Task.completed"), e.getMessage());
        }

        @Test
        void decisionsAreNotCompletionsAndViceVersa() {
            assertThrows(IllegalArgumentException.class,
                    () -> Task.completed(ID, ALICE, TaskOutcome.APPROVED, Actor.person(ALICE), "x", Optional.empty()));
            Decision d = Decision.approve(ALICE, null, t(1));
            assertThrows(IllegalArgumentException.class, () -> new Task(ID, ALICE, TaskState.COMPLETED, "x",
                    Optional.of(d), Optional.empty(), Optional.of(TaskOutcome.FILLED_IN),
                    Optional.of(Actor.person(ALICE))));
            assertThrows(IllegalArgumentException.class, () -> new Task(ID, ALICE, TaskState.APPROVED, "x",
                    Optional.of(d), Optional.empty(), Optional.of(TaskOutcome.APPROVED), Optional.of(Actor.system())),
                    "a person's decision is not the system's");
        }

        @Test
        void anOpenTaskHasNoOutcomeAndTheOutcomeMatchesTheState() {
            assertThrows(IllegalArgumentException.class, () -> new Task(ID, ALICE, TaskState.PENDING, "x",
                    Optional.empty(), Optional.empty(), Optional.of(TaskOutcome.ACKNOWLEDGED), Optional.empty()));
            assertThrows(IllegalArgumentException.class, () -> new Task(ID, ALICE, TaskState.APPROVED, "x",
                    Optional.empty(), Optional.empty(), Optional.of(TaskOutcome.FILLED_IN), Optional.empty()));
            assertThrows(IllegalArgumentException.class, () -> new Task(ID, ALICE, TaskState.CANCELLED, "x",
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        }
    }

    @Nested
    class InTransitions {

        @Test
        void aDecisionIsThePersonsAndTheOtherAnyOfTasksAreClosedByTheSystem() {
            ApprovalProcess p = approve(open(anyOf("Board", ALICE, BOB), single("Sign", CAROL)), BOB, t(1));
            List<Task> board = step(p, 1).tasks();
            assertEquals(Optional.of(TaskOutcome.CLOSED_WITHOUT_DECISION), board.get(0).outcome());
            assertEquals(Optional.of(Actor.system()), board.get(0).completedBy());
            assertEquals(Optional.of(TaskOutcome.APPROVED), board.get(1).outcome());
            assertEquals(Optional.of(Actor.person(BOB)), board.get(1).completedBy());
        }

        @Test
        void cancellingClosesOpenTasksInTheNameOfWhoCancelled() {
            ApprovalProcess p = open(anyOf("Board", ALICE, BOB)).cancel(INITIATOR, "withdrawn", t(1));
            for (Task task : step(p, 1).tasks()) {
                assertEquals(Optional.of(TaskOutcome.CLOSED_WITHOUT_DECISION), task.outcome());
                assertEquals(Optional.of(Actor.person(INITIATOR)), task.completedBy());
            }
        }

        @Test
        void aRejectionIsADecisionOutcome() {
            ApprovalProcess p = reject(open(single("Manager", ALICE)), ALICE, "no", t(1));
            Task task = step(p, 1).tasks().get(0);
            assertEquals(Optional.of(TaskOutcome.REJECTED), task.outcome());
            assertTrue(task.outcome().orElseThrow().isDecision());
        }
    }
}
