package org.openapproval.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openapproval.core.domain.DomainFixtures.ALICE;
import static org.openapproval.core.domain.DomainFixtures.BOB;
import static org.openapproval.core.domain.DomainFixtures.CAROL;
import static org.openapproval.core.domain.DomainFixtures.CONTRACT;
import static org.openapproval.core.domain.DomainFixtures.DAVE;
import static org.openapproval.core.domain.DomainFixtures.FLOW;
import static org.openapproval.core.domain.DomainFixtures.INITIATOR;
import static org.openapproval.core.domain.DomainFixtures.P1;
import static org.openapproval.core.domain.DomainFixtures.PROVIDER;
import static org.openapproval.core.domain.DomainFixtures.T0;
import static org.openapproval.core.domain.DomainFixtures.allOf;
import static org.openapproval.core.domain.DomainFixtures.approve;
import static org.openapproval.core.domain.DomainFixtures.notifyStep;
import static org.openapproval.core.domain.DomainFixtures.open;
import static org.openapproval.core.domain.DomainFixtures.pendingTaskOf;
import static org.openapproval.core.domain.DomainFixtures.reject;
import static org.openapproval.core.domain.DomainFixtures.single;
import static org.openapproval.core.domain.DomainFixtures.step;
import static org.openapproval.core.domain.DomainFixtures.stepId;
import static org.openapproval.core.domain.DomainFixtures.stepStates;
import static org.openapproval.core.domain.DomainFixtures.t;
import static org.openapproval.core.domain.DomainFixtures.taskStates;
import static org.openapproval.core.domain.StepState.APPROVED;
import static org.openapproval.core.domain.StepState.CANCELLED;
import static org.openapproval.core.domain.StepState.IN_PROGRESS;
import static org.openapproval.core.domain.StepState.RETURNED;
import static org.openapproval.core.domain.StepState.WAITING;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Flows with parallel branches: Submit (the initiator) -> {Legal (alice), Finance (bob)} -> Sign (carol).
 * The reproductions build the running branches as a vendor would report them, so they do not depend on how
 * the flow got there.
 */
class ParallelBranchesTest {

    private static TaskId taskId(int step, int counter) {
        return TaskId.of(P1, String.valueOf(step), String.valueOf(counter));
    }

    /** Submitted at t(1); Legal and Finance (stage 2) both await a decision, Sign (stage 3) waits. */
    private static ApprovalProcess legalAndFinanceRunning() {
        Decision submitted = Decision.approve(INITIATOR, null, t(1));
        Task submitTask = new Task(taskId(1, 1), INITIATOR, TaskState.APPROVED, "APPROVED", Optional.of(submitted),
                Optional.of(T0));
        List<Step> steps = List.of(
                new Step(stepId(1), "Submit", StepKind.APPROVAL, ApprovalMode.SINGLE, APPROVED, "APPROVED",
                        List.of(INITIATOR), List.of(submitTask), 1),
                new Step(stepId(2), "Legal", StepKind.APPROVAL, ApprovalMode.SINGLE, IN_PROGRESS, "IN_PROGRESS",
                        List.of(ALICE), List.of(Task.of(taskId(2, 1), ALICE, TaskState.PENDING)), 2),
                new Step(stepId(3), "Finance", StepKind.APPROVAL, ApprovalMode.SINGLE, IN_PROGRESS, "IN_PROGRESS",
                        List.of(BOB), List.of(Task.of(taskId(3, 1), BOB, TaskState.PENDING)), 2),
                new Step(stepId(4), "Sign", StepKind.APPROVAL, ApprovalMode.SINGLE, WAITING, "WAITING",
                        List.of(CAROL), List.of(), 3));
        return ApprovalProcess.builder().id(P1).providerId(PROVIDER).definition(FLOW).record(CONTRACT)
                .state(ProcessState.IN_PROGRESS).trigger(TriggerKind.MANUAL).initiator(INITIATOR).createdAt(T0)
                .updatedAt(t(1)).steps(steps).build();
    }

    private static ApprovalProcess openLegalAndFinance() {
        return open(single("Submit", INITIATOR), single("Legal", ALICE).inStage(2), single("Finance", BOB).inStage(2),
                single("Sign", CAROL).inStage(3));
    }

    @Nested
    class Reproductions {

        @Test
        void financeApprovedFirstDoesNotStartSignWhileLegalStillRuns() {
            ApprovalProcess p = approve(legalAndFinanceRunning(), BOB, t(2));

            assertEquals(List.of(APPROVED, IN_PROGRESS, APPROVED, WAITING), stepStates(p), "Sign waits for Legal");
            assertEquals(List.of(taskId(2, 1)), p.pendingTasks().stream().map(Task::id).toList());

            p = approve(p, ALICE, t(3));
            assertEquals(IN_PROGRESS, step(p, 4).state());
            p = approve(p, CAROL, t(4));
            assertEquals(ProcessState.APPROVED, p.state());
            assertEquals(List.of(), p.pendingTasks(), "no task stays open on an approved process");
        }

        @Test
        void approvingLegalAfterFinanceDoesNotStartFinanceAgain() {
            ApprovalProcess p = approve(approve(legalAndFinanceRunning(), BOB, t(2)), ALICE, t(3));

            Step finance = step(p, 3);
            assertEquals(APPROVED, finance.state());
            assertEquals(List.of(TaskState.APPROVED), taskStates(finance), "Finance keeps its one approved task");
            assertTrue(p.pendingTasks().stream().noneMatch(task -> task.assignee().equals(BOB)));
            assertEquals(List.of(step(p, 4)), p.currentSteps());
        }

        @Test
        void legalReturningToSubmitCancelsTheFinanceBranch() {
            ApprovalProcess p = DomainFixtures.returnTo(legalAndFinanceRunning(), ALICE, 1, t(2));

            assertEquals(List.of(IN_PROGRESS, RETURNED, CANCELLED, WAITING), stepStates(p));
            assertEquals(List.of(TaskState.CANCELLED), taskStates(step(p, 3)));
            assertEquals(List.of(step(p, 1)), p.currentSteps());
            assertEquals(List.of(INITIATOR), p.pendingTasks().stream().map(Task::assignee).toList());

            // the stale Finance task can no longer move the flow on to Sign
            ApprovalProcess returned = p;
            assertThrows(TaskNotPendingException.class,
                    () -> returned.apply(taskId(3, 1), Decision.approve(BOB, null, t(3))));
            assertEquals(WAITING, step(p, 4).state());
        }

        @Test
        void aDecisionDatedBeforeTheProcessStartedIsRefused() {
            ApprovalProcess p = open(single("Manager", ALICE), single("Finance", BOB));
            TaskId task = pendingTaskOf(p, ALICE);

            DecisionTimeException e = assertThrows(DecisionTimeException.class,
                    () -> p.apply(task, Decision.approve(ALICE, null, T0.minusSeconds(60))));
            assertEquals("cannot approve task P1/1:1 at 2024-03-01T08:59:00Z: process P1 only started at "
                    + "2024-03-01T09:00:00Z", e.reason());
        }
    }

    @Nested
    class Stages {

        @Test
        void openingStartsEveryStepOfTheFirstStage() {
            ApprovalProcess p = open(single("Legal", ALICE).inStage(1), single("Finance", BOB).inStage(1),
                    single("Sign", CAROL));
            assertEquals(List.of(IN_PROGRESS, IN_PROGRESS, WAITING), stepStates(p));
            assertEquals(List.of(1, 1, 2), p.steps().stream().map(Step::stage).toList());
            assertEquals(2, p.currentSteps().size());
        }

        @Test
        void submittingStartsBothBranchesTogether() {
            ApprovalProcess p = approve(openLegalAndFinance(), INITIATOR, t(1));
            assertEquals(List.of(APPROVED, IN_PROGRESS, IN_PROGRESS, WAITING), stepStates(p));
            assertEquals(List.of(ALICE, BOB), p.pendingTasks().stream().map(Task::assignee).toList());
            assertEquals(List.of(List.of("Submit"), List.of("Legal", "Finance"), List.of("Sign")),
                    p.stages().stream().map(stage -> stage.stream().map(Step::name).toList()).toList());
        }

        @Test
        void sequentialPlansKeepOneStepPerStage() {
            ApprovalProcess p = open(single("A", ALICE), single("B", BOB), single("C", CAROL));
            assertEquals(List.of(1, 2, 3), p.steps().stream().map(Step::stage).toList());
            assertEquals(List.of(IN_PROGRESS, WAITING, WAITING), stepStates(p));
        }

        @Test
        void aStepWithoutAStageNumberRunsAloneAfterTheStepBeforeIt() {
            ApprovalProcess p = open(single("A", ALICE).inStage(4), single("B", BOB).inStage(4), single("C", CAROL));
            assertEquals(List.of(4, 4, 5), p.steps().stream().map(Step::stage).toList());
        }

        @Test
        void stepsMustBeListedStageByStage() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> open(single("A", ALICE).inStage(2), single("B", BOB).inStage(1)));
            assertEquals("step 'B' of stage 1 is listed after a step of stage 2; steps are listed stage by stage",
                    e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> single("A", ALICE).inStage(0));
        }

        @Test
        void aBranchNeedingNobodyPassesAndTheJoinStillWaitsForTheOther() {
            ApprovalProcess p = open(single("Submit", INITIATOR), notifyStep("Inform legal", DAVE).inStage(2),
                    allOf("Finance", BOB, CAROL).inStage(2), single("Sign", ALICE));
            p = approve(p, INITIATOR, t(1));
            assertEquals(List.of(APPROVED, APPROVED, IN_PROGRESS, WAITING), stepStates(p));
            p = approve(p, BOB, t(2));
            assertEquals(WAITING, step(p, 4).state());
            p = approve(p, CAROL, t(3));
            assertEquals(IN_PROGRESS, step(p, 4).state());
        }

        @Test
        void aStageOfStepsNeedingNobodyPassesAtOnce() {
            ApprovalProcess p = open(single("Submit", INITIATOR), notifyStep("CC legal", DAVE).inStage(2),
                    notifyStep("CC finance", CAROL).inStage(2), single("Sign", ALICE));
            p = approve(p, INITIATOR, t(1));
            assertEquals(List.of(APPROVED, APPROVED, APPROVED, IN_PROGRESS), stepStates(p));
        }

        @Test
        void rejectingOneBranchClosesTheOther() {
            ApprovalProcess p = reject(legalAndFinanceRunning(), BOB, "no budget", t(2));
            assertEquals(ProcessState.REJECTED, p.state());
            assertEquals(List.of(APPROVED, CANCELLED, StepState.REJECTED, WAITING), stepStates(p));
            assertEquals(List.of(), p.pendingTasks());
            Task legalTask = step(p, 2).tasks().get(0);
            assertEquals(Optional.of(TaskOutcome.CLOSED_WITHOUT_DECISION), legalTask.outcome());
            assertEquals(Optional.of(Actor.system()), legalTask.completedBy());
        }

        @Test
        void aParallelBranchIsNoReturnTarget() {
            ApprovalProcess p = approve(legalAndFinanceRunning(), BOB, t(2));
            assertEquals(List.of("Submit"),
                    p.returnTargets(pendingTaskOf(p, ALICE)).stream().map(Step::name).toList());
        }

        @Test
        void returningFromAfterTheJoinRunsBothBranchesAgainWithFreshTasks() {
            ApprovalProcess p = approve(approve(legalAndFinanceRunning(), BOB, t(2)), ALICE, t(3));
            p = DomainFixtures.returnTo(p, CAROL, 1, t(4));
            assertEquals(List.of(IN_PROGRESS, WAITING, WAITING, RETURNED), stepStates(p));

            p = approve(p, INITIATOR, t(5));
            assertEquals(List.of(APPROVED, IN_PROGRESS, IN_PROGRESS, RETURNED), stepStates(p));
            assertEquals(List.of(taskId(2, 2), taskId(3, 2)), p.pendingTasks().stream().map(Task::id).toList());
        }

        @Test
        void returningToAnEarlierStageLeavesTheTargetsParallelStepApproved() {
            ApprovalProcess p = approve(approve(legalAndFinanceRunning(), BOB, t(2)), ALICE, t(3));
            p = DomainFixtures.returnTo(p, CAROL, 3, t(4)); // back to Finance only

            assertEquals(List.of(APPROVED, APPROVED, IN_PROGRESS, RETURNED), stepStates(p));
            assertEquals(List.of(TaskState.APPROVED), taskStates(step(p, 2)), "Legal is not asked again");
            p = approve(p, BOB, t(5));
            assertEquals(List.of(APPROVED, APPROVED, APPROVED, IN_PROGRESS), stepStates(p));
        }

        @Test
        void theReopenedStepKeepsItsIdAndNameAndTheTimelineSaysWhereTheFlowWentBack() {
            ApprovalProcess p = DomainFixtures.returnTo(legalAndFinanceRunning(), ALICE, 1, t(2));

            Step reopened = p.currentSteps().get(0);
            assertEquals(stepId(1), reopened.id());
            assertEquals("Submit", reopened.name());
            TimelineEntry back = p.timeline().stream().filter(e -> e.description().startsWith("returned to"))
                    .findFirst().orElseThrow();
            assertEquals("returned to 'Submit' (step 'Submit' APPROVED -> IN_PROGRESS)", back.description());
            assertEquals(Optional.of(stepId(1)), back.step());
            assertEquals(Optional.of(ALICE), back.actor());
            assertEquals(Optional.of(t(2)), back.time());
        }
    }
}
