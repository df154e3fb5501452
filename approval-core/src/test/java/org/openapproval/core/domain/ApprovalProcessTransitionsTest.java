package org.openapproval.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import static org.openapproval.core.domain.DomainFixtures.T0;
import static org.openapproval.core.domain.DomainFixtures.allOf;
import static org.openapproval.core.domain.DomainFixtures.anyOf;
import static org.openapproval.core.domain.DomainFixtures.approve;
import static org.openapproval.core.domain.DomainFixtures.notifyStep;
import static org.openapproval.core.domain.DomainFixtures.open;
import static org.openapproval.core.domain.DomainFixtures.pendingTaskOf;
import static org.openapproval.core.domain.DomainFixtures.reject;
import static org.openapproval.core.domain.DomainFixtures.sequential;
import static org.openapproval.core.domain.DomainFixtures.single;
import static org.openapproval.core.domain.DomainFixtures.step;
import static org.openapproval.core.domain.DomainFixtures.stepId;
import static org.openapproval.core.domain.DomainFixtures.stepStates;
import static org.openapproval.core.domain.DomainFixtures.t;
import static org.openapproval.core.domain.DomainFixtures.taskStates;
import static org.openapproval.core.domain.TaskState.APPROVED;
import static org.openapproval.core.domain.TaskState.CANCELLED;
import static org.openapproval.core.domain.TaskState.PENDING;
import static org.openapproval.core.domain.TaskState.REJECTED;
import static org.openapproval.core.domain.TaskState.RETURNED;
import static org.openapproval.core.domain.TaskState.WAITING;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@link ApprovalProcess#open}, {@link ApprovalProcess#apply} and {@link ApprovalProcess#cancel}. */
class ApprovalProcessTransitionsTest {

    private static TaskId taskId(int step, int counter) {
        return TaskId.of(P1, String.valueOf(step), String.valueOf(counter));
    }

    @Nested
    class Opening {

        @Test
        void openReachesTheFirstStepAndLeavesTheRestWaiting() {
            ApprovalProcess p = open(single("Manager", ALICE), single("Finance", BOB));

            assertEquals(ProcessState.IN_PROGRESS, p.state());
            assertEquals("IN_PROGRESS", p.vendorStatus());
            assertTrue(p.isOpen());
            assertEquals(P1, p.id());
            assertEquals("in-memory", p.providerId());
            assertEquals(FLOW, p.definition());
            assertEquals(CONTRACT, p.record());
            assertEquals(Optional.of(INITIATOR), p.initiator());
            assertEquals(TriggerKind.MANUAL, p.trigger());
            assertEquals(T0, p.createdAt());
            assertEquals(Optional.empty(), p.endedAt());

            assertEquals(List.of(StepState.IN_PROGRESS, StepState.WAITING), stepStates(p));
            assertEquals(List.of(stepId(1), stepId(2)), p.steps().stream().map(Step::id).toList());
            Step manager = step(p, 1);
            assertEquals("Manager", manager.name());
            assertEquals(ApprovalMode.SINGLE, manager.mode());
            assertEquals(StepKind.APPROVAL, manager.kind());
            assertEquals(List.of(ALICE), manager.assignees());
            assertEquals(List.of(PENDING), taskStates(manager));
            Task task = manager.tasks().get(0);
            assertEquals(taskId(1, 1), task.id());
            assertEquals(ALICE, task.assignee());
            assertEquals(Optional.of(T0), task.createdAt());
            assertEquals(Optional.empty(), task.decision());
            assertEquals(List.of(), step(p, 2).tasks());
            assertEquals(List.of(manager), p.currentSteps());
            assertEquals(List.of(task), p.pendingTasks());
        }

        @Test
        void openNeedsAtLeastOneStep() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ApprovalProcess.open(
                    P1, "in-memory", FLOW, CONTRACT, INITIATOR, TriggerKind.MANUAL, T0, List.of()));
            assertEquals("a process needs at least one step", e.getMessage());
        }

    }

    @Nested
    class Approving {

        @Test
        void singleStepApprovalMovesTheFlowToTheNextStep() {
            ApprovalProcess p = approve(open(single("Manager", ALICE), single("Finance", BOB)), ALICE, t(1));

            Step manager = step(p, 1);
            assertEquals(StepState.APPROVED, manager.state());
            assertEquals("APPROVED", manager.vendorStatus());
            Task aliceTask = manager.tasks().get(0);
            assertEquals(APPROVED, aliceTask.state());
            assertEquals(Verdict.APPROVE, aliceTask.decision().orElseThrow().verdict());
            assertEquals(Optional.of(t(1)), aliceTask.decision().orElseThrow().time());

            Step finance = step(p, 2);
            assertEquals(StepState.IN_PROGRESS, finance.state());
            assertEquals(List.of(PENDING), taskStates(finance));
            Task bobTask = finance.tasks().get(0);
            assertEquals(taskId(2, 1), bobTask.id());
            assertEquals(BOB, bobTask.assignee());
            assertEquals(Optional.of(t(1)), bobTask.createdAt());

            assertEquals(ProcessState.IN_PROGRESS, p.state());
            assertEquals(Optional.of(t(1)), p.updatedAt());
            assertEquals(Optional.empty(), p.endedAt());
            assertEquals(List.of(finance), p.currentSteps());
        }

        @Test
        void anyOfFirstApprovalCompletesTheStepAndCancelsTheOtherTasks() {
            ApprovalProcess p = open(anyOf("Board", ALICE, BOB, CAROL), single("Sign", DAVE));
            assertEquals(List.of(PENDING, PENDING, PENDING), taskStates(step(p, 1)));

            p = approve(p, BOB, t(1));

            Step board = step(p, 1);
            assertEquals(StepState.APPROVED, board.state());
            assertEquals(List.of(CANCELLED, APPROVED, CANCELLED), taskStates(board));
            assertEquals(Optional.empty(), board.tasks().get(0).decision());
            assertEquals(BOB, board.tasks().get(1).decision().orElseThrow().actor());
            assertEquals(StepState.IN_PROGRESS, step(p, 2).state());
            assertEquals(List.of(pendingTaskOf(p, DAVE)), p.pendingTasks().stream().map(Task::id).toList());
        }

        @Test
        void allOfStaysInProgressUntilEveryTaskIsApproved() {
            ApprovalProcess p = open(allOf("Board", ALICE, BOB, CAROL), single("Sign", DAVE));

            p = approve(p, CAROL, t(1));
            assertEquals(StepState.IN_PROGRESS, step(p, 1).state());
            assertEquals(List.of(PENDING, PENDING, APPROVED), taskStates(step(p, 1)));
            assertEquals(StepState.WAITING, step(p, 2).state());

            p = approve(p, ALICE, t(2));
            assertEquals(StepState.IN_PROGRESS, step(p, 1).state());
            assertEquals(List.of(APPROVED, PENDING, APPROVED), taskStates(step(p, 1)));

            p = approve(p, BOB, t(3));
            assertEquals(StepState.APPROVED, step(p, 1).state());
            assertEquals(List.of(APPROVED, APPROVED, APPROVED), taskStates(step(p, 1)));
            assertEquals(StepState.IN_PROGRESS, step(p, 2).state());
        }

        @Test
        void sequentialAssigneesDecideOneAfterAnotherInOrder() {
            ApprovalProcess p = open(sequential("Chain", ALICE, BOB, CAROL), single("Sign", DAVE));
            assertEquals(List.of(PENDING, WAITING, WAITING), taskStates(step(p, 1)));
            assertEquals(List.of(ALICE, BOB, CAROL),
                    step(p, 1).tasks().stream().map(Task::assignee).toList());

            p = approve(p, ALICE, t(1));
            assertEquals(List.of(APPROVED, PENDING, WAITING), taskStates(step(p, 1)));
            assertEquals(StepState.IN_PROGRESS, step(p, 1).state());
            assertEquals(StepState.WAITING, step(p, 2).state());

            p = approve(p, BOB, t(2));
            assertEquals(List.of(APPROVED, APPROVED, PENDING), taskStates(step(p, 1)));
            assertEquals(StepState.IN_PROGRESS, step(p, 1).state());

            p = approve(p, CAROL, t(3));
            assertEquals(List.of(APPROVED, APPROVED, APPROVED), taskStates(step(p, 1)));
            assertEquals(StepState.APPROVED, step(p, 1).state());
            assertEquals(StepState.IN_PROGRESS, step(p, 2).state());
        }

        @Test
        void approvingTheLastStepApprovesTheProcess() {
            ApprovalProcess p = open(single("Manager", ALICE), single("Finance", BOB));
            p = approve(p, ALICE, t(1));
            p = approve(p, BOB, t(2));

            assertEquals(ProcessState.APPROVED, p.state());
            assertEquals("APPROVED", p.vendorStatus());
            assertFalse(p.isOpen());
            assertEquals(Optional.of(t(2)), p.endedAt());
            assertEquals(Optional.of(t(2)), p.updatedAt());
            assertEquals(List.of(StepState.APPROVED, StepState.APPROVED), stepStates(p));
            assertEquals(List.of(), p.pendingTasks());
            assertEquals(List.of(), p.currentSteps());
        }

        @Test
        void sameDecisionAppliedTwiceIsRefused() {
            ApprovalProcess p = open(allOf("Board", ALICE, BOB));
            TaskId aliceTask = pendingTaskOf(p, ALICE);
            Decision d = Decision.approve(ALICE, null, t(1));
            ApprovalProcess once = p.apply(aliceTask, d);

            TaskNotPendingException e = assertThrows(TaskNotPendingException.class, () -> once.apply(aliceTask, d));
            assertTrue(e.reason().contains("is APPROVED"), e.reason());
        }

        @Test
        void applyChecksTheSameRulesAsDecide() {
            ApprovalProcess p = open(single("Manager", ALICE));
            TaskId aliceTask = pendingTaskOf(p, ALICE);
            assertThrows(ActorNotAllowedException.class, () -> p.apply(aliceTask, Decision.approve(BOB, null, t(1))));
            assertThrows(InvalidReturnTargetException.class,
                    () -> p.apply(aliceTask, Decision.returnTo(stepId(1), ALICE, null, t(1))));
            // apply itself never requires a comment
            assertEquals(ProcessState.APPROVED, p.apply(aliceTask, Decision.approve(ALICE, null, t(1))).state());
        }
    }

    @Nested
    class Rejecting {

        @Test
        void rejectionEndsTheProcessAndClosesTheOtherOpenTasks() {
            ApprovalProcess p = open(anyOf("Board", ALICE, BOB, CAROL), single("Sign", DAVE));
            p = reject(p, BOB, "too expensive", t(1));

            Step board = step(p, 1);
            assertEquals(List.of(CANCELLED, REJECTED, CANCELLED), taskStates(board));
            Decision d = board.tasks().get(1).decision().orElseThrow();
            assertEquals(Verdict.REJECT, d.verdict());
            assertEquals(Optional.of("too expensive"), d.comment());
            assertEquals(StepState.REJECTED, board.state());
            assertEquals(StepState.WAITING, step(p, 2).state());
            assertEquals(List.of(), step(p, 2).tasks());

            assertEquals(ProcessState.REJECTED, p.state());
            assertEquals("REJECTED", p.vendorStatus());
            assertEquals(Optional.of(t(1)), p.endedAt());
            assertEquals(List.of(), p.pendingTasks());
        }

        @Test
        void rejectionAfterPartialApprovalKeepsTheEarlierApproval() {
            ApprovalProcess p = open(allOf("Board", ALICE, BOB, CAROL));
            p = approve(p, ALICE, t(1));
            p = reject(p, BOB, null, t(2));
            assertEquals(List.of(APPROVED, REJECTED, CANCELLED), taskStates(step(p, 1)));
            assertEquals(ProcessState.REJECTED, p.state());
        }

        @Test
        void rejectionInASequentialStepCancelsTheWaitingTasks() {
            ApprovalProcess p = open(sequential("Chain", ALICE, BOB, CAROL));
            p = reject(p, ALICE, null, t(1));
            assertEquals(List.of(REJECTED, CANCELLED, CANCELLED), taskStates(step(p, 1)));
            assertEquals(ProcessState.REJECTED, p.state());
        }

        @Test
        void rejectedProcessRefusesFurtherDecisionsAndCancellation() {
            ApprovalProcess open = open(allOf("Board", ALICE, BOB), single("Sign", CAROL));
            TaskId bobTask = pendingTaskOf(open, BOB);
            ApprovalProcess rejected = reject(open, ALICE, null, t(1));

            ProcessNotOpenException decision = assertThrows(ProcessNotOpenException.class,
                    () -> rejected.apply(bobTask, Decision.approve(BOB, null, t(2))));
            assertTrue(decision.reason().contains("is REJECTED"), decision.reason());
            ProcessNotOpenException cancel = assertThrows(ProcessNotOpenException.class,
                    () -> rejected.cancel(INITIATOR, "too late", t(2)));
            assertTrue(cancel.reason().endsWith("cannot be cancelled any more"), cancel.reason());
        }

        @Test
        void rejectionAlsoClosesParallelStepsInProgress() {
            ApprovalProcess p = open(single("Legal", ALICE), single("Finance", BOB));
            Step finance = step(p, 2);
            Task bobTask = Task.of(taskId(2, 1), BOB, PENDING);
            ApprovalProcess parallel = p.toBuilder()
                    .steps(List.of(step(p, 1), finance.with(StepState.IN_PROGRESS, List.of(bobTask)))).build();
            assertEquals(2, parallel.currentSteps().size());

            ApprovalProcess rejected = reject(parallel, ALICE, null, t(1));

            assertEquals(ProcessState.REJECTED, rejected.state());
            assertEquals(List.of(), rejected.pendingTasks());
            assertEquals(List.of(CANCELLED), taskStates(step(rejected, 2)));
            assertEquals(StepState.CANCELLED, step(rejected, 2).state());
        }
    }

    @Nested
    class Returning {

        /** Draft (alice) -> Review (bob) -> Sign (carol, dave: ALL_OF) -> Archive (alice). */
        private ApprovalProcess atSign() {
            ApprovalProcess p = open(single("Draft", ALICE), single("Review", BOB), allOf("Sign", CAROL, DAVE),
                    single("Archive", ALICE));
            p = approve(p, ALICE, t(1));
            return approve(p, BOB, t(2));
        }

        @Test
        void returnReopensTheTargetWithFreshTasksAndResetsTheStepsInBetween() {
            ApprovalProcess p = approve(atSign(), CAROL, t(3));
            p = DomainFixtures.returnTo(p, DAVE, 1, t(4));

            Step draft = step(p, 1);
            assertEquals(StepState.IN_PROGRESS, draft.state());
            assertEquals(List.of(APPROVED, PENDING), taskStates(draft));
            Task oldTask = draft.tasks().get(0);
            Task freshTask = draft.tasks().get(1);
            assertEquals(taskId(1, 1), oldTask.id());
            assertEquals(Optional.of(t(1)), oldTask.decision().orElseThrow().time());
            assertEquals(taskId(1, 2), freshTask.id());
            assertNotEquals(oldTask.id(), freshTask.id());
            assertEquals(ALICE, freshTask.assignee());
            assertEquals(Optional.of(t(4)), freshTask.createdAt());
            assertEquals(Optional.empty(), freshTask.decision());

            Step review = step(p, 2);
            assertEquals(StepState.WAITING, review.state());
            assertEquals(List.of(APPROVED), taskStates(review));

            Step sign = step(p, 3);
            assertEquals(StepState.RETURNED, sign.state());
            assertEquals(List.of(APPROVED, RETURNED), taskStates(sign));
            Decision back = sign.tasks().get(1).decision().orElseThrow();
            assertEquals(Optional.of(stepId(1)), back.returnTo());
            assertEquals(StepState.WAITING, step(p, 4).state());

            assertEquals(ProcessState.IN_PROGRESS, p.state());
            assertEquals(Optional.empty(), p.endedAt());
            assertEquals(List.of(draft), p.currentSteps());
            assertEquals(List.of(freshTask), p.pendingTasks());
        }

        @Test
        void returnCancelsTheOtherOpenTasksOfTheReturningStep() {
            ApprovalProcess p = DomainFixtures.returnTo(atSign(), DAVE, 2, t(3));
            assertEquals(List.of(CANCELLED, RETURNED), taskStates(step(p, 3)));
            assertEquals(StepState.RETURNED, step(p, 3).state());
            assertEquals(List.of(APPROVED, PENDING), taskStates(step(p, 2)));
            assertEquals(StepState.APPROVED, step(p, 1).state());
        }

        @Test
        void afterAReturnApprovingAgainProceedsForwardWithNewTasks() {
            ApprovalProcess p = DomainFixtures.returnTo(atSign(), DAVE, 1, t(3));

            p = approve(p, ALICE, t(4));
            assertEquals(StepState.APPROVED, step(p, 1).state());
            assertEquals(StepState.IN_PROGRESS, step(p, 2).state());
            assertEquals(taskId(2, 2), pendingTaskOf(p, BOB));

            p = approve(p, BOB, t(5));
            Step sign = step(p, 3);
            assertEquals(StepState.IN_PROGRESS, sign.state());
            assertEquals(List.of(CANCELLED, RETURNED, PENDING, PENDING), taskStates(sign));
            assertEquals(List.of(taskId(3, 3), taskId(3, 4)),
                    sign.pendingTasks().stream().map(Task::id).toList());

            p = approve(p, CAROL, t(6));
            assertEquals(StepState.IN_PROGRESS, step(p, 3).state()); // ALL_OF still waits for dave
            p = approve(p, DAVE, t(7));
            p = approve(p, ALICE, t(8));

            assertEquals(ProcessState.APPROVED, p.state());
            assertEquals(Optional.of(t(8)), p.endedAt());
            assertEquals(List.of(StepState.APPROVED, StepState.APPROVED, StepState.APPROVED, StepState.APPROVED),
                    stepStates(p));
        }

        @Test
        void returnToASequentialStepRestartsItsChainFromTheFirstAssignee() {
            ApprovalProcess p = open(sequential("Chain", ALICE, BOB), single("Sign", CAROL));
            p = approve(p, ALICE, t(1));
            p = approve(p, BOB, t(2));
            p = DomainFixtures.returnTo(p, CAROL, 1, t(3));

            assertEquals(List.of(APPROVED, APPROVED, PENDING, WAITING), taskStates(step(p, 1)));
            assertEquals(ALICE, step(p, 1).pendingTasks().get(0).assignee());
            p = approve(p, ALICE, t(4));
            assertEquals(List.of(APPROVED, APPROVED, APPROVED, PENDING), taskStates(step(p, 1)));
            p = approve(p, BOB, t(5));
            assertEquals(StepState.APPROVED, step(p, 1).state());
            assertEquals(StepState.IN_PROGRESS, step(p, 2).state());
        }

        @Test
        void taskIdsStayUniqueOverSeveralRounds() {
            ApprovalProcess p = open(anyOf("Board", ALICE, BOB), single("Sign", CAROL));
            for (int round = 0; round < 3; round++) {
                p = approve(p, ALICE, t(10 * round + 1));
                p = DomainFixtures.returnTo(p, CAROL, 1, t(10 * round + 2));
            }
            List<TaskId> ids = p.steps().stream().flatMap(s -> s.tasks().stream()).map(Task::id).toList();
            assertEquals(ids.size(), ids.stream().distinct().count(), ids.toString());
            assertEquals(8, step(p, 1).tasks().size());
            assertEquals(List.of(PENDING, PENDING), taskStates(step(p, 1)).subList(6, 8));
        }
    }

    @Nested
    class Cancelling {

        @Test
        void cancelClosesOpenTasksAndEndsTheProcess() {
            ApprovalProcess p = approve(open(single("Manager", ALICE), anyOf("Board", BOB, CAROL),
                    single("Sign", DAVE)), ALICE, t(1));
            p = p.cancel(INITIATOR, "withdrawn", t(2));

            assertEquals(ProcessState.CANCELLED, p.state());
            assertEquals("CANCELLED", p.vendorStatus());
            assertEquals(Optional.of(t(2)), p.endedAt());
            assertEquals(List.of(StepState.APPROVED, StepState.CANCELLED, StepState.WAITING), stepStates(p));
            assertEquals(List.of(APPROVED), taskStates(step(p, 1)));
            assertEquals(List.of(CANCELLED, CANCELLED), taskStates(step(p, 2)));
            assertEquals(List.of(), p.pendingTasks());
        }

        @Test
        void cancelAlsoClosesWaitingSequentialTasks() {
            ApprovalProcess p = open(sequential("Chain", ALICE, BOB, CAROL)).cancel(INITIATOR, "withdrawn", t(1));
            assertEquals(List.of(CANCELLED, CANCELLED, CANCELLED), taskStates(step(p, 1)));
            assertTrue(step(p, 1).tasks().stream().allMatch(task -> task.decision().isEmpty()));
        }

        @Test
        void cancellingTwiceIsRefused() {
            ApprovalProcess cancelled = open(single("Manager", ALICE)).cancel(INITIATOR, "withdrawn", t(1));
            ProcessNotOpenException e = assertThrows(ProcessNotOpenException.class,
                    () -> cancelled.cancel(INITIATOR, "again", t(2)));
            assertEquals("process P1 is CANCELLED (vendor status 'CANCELLED') and cannot be cancelled any more",
                    e.reason());
        }

        @Test
        void approvedProcessCannotBeCancelled() {
            ApprovalProcess approved = approve(open(single("Manager", ALICE)), ALICE, t(1));
            assertThrows(ProcessNotOpenException.class, () -> approved.cancel(INITIATOR, "oops", t(2)));
        }

        @Test
        void cancelNeedsAValidReason() {
            ApprovalProcess p = open(single("Manager", ALICE));
            assertEquals("cancel reason must not be blank",
                    assertThrows(IllegalArgumentException.class, () -> p.cancel(INITIATOR, " ", t(1))).getMessage());
            assertTrue(assertThrows(IllegalArgumentException.class,
                    () -> p.cancel(INITIATOR, "a\u0000b", t(1))).getMessage().contains("control character"));
            assertEquals(ProcessState.CANCELLED, p.cancel(INITIATOR, "first line\nsecond line", t(1)).state());
        }
    }

    @Nested
    class StepsWithoutDecisions {

        @Test
        void notifyStepPassesByItself() {
            ApprovalProcess p = open(single("Manager", ALICE), notifyStep("CC", DAVE), single("Finance", BOB));
            assertEquals(StepState.WAITING, step(p, 2).state());

            p = approve(p, ALICE, t(1));
            assertEquals(StepState.APPROVED, step(p, 2).state());
            assertEquals(List.of(), step(p, 2).tasks());
            assertEquals(StepState.IN_PROGRESS, step(p, 3).state());
            assertEquals(List.of(pendingTaskOf(p, BOB)), p.pendingTasks().stream().map(Task::id).toList());
        }

        @Test
        void trailingNotifyStepDoesNotHoldUpTheEnd() {
            ApprovalProcess p = approve(open(single("Manager", ALICE), notifyStep("CC", DAVE)), ALICE, t(1));
            assertEquals(ProcessState.APPROVED, p.state());
            assertEquals(Optional.of(t(1)), p.endedAt());
            assertEquals(List.of(StepState.APPROVED, StepState.APPROVED), stepStates(p));
        }

        @Test
        void leadingNotifyAndSystemStepsPassWhenTheProcessOpens() {
            ApprovalProcess p = open(notifyStep("CC", DAVE),
                    new StepPlan("Robot", StepKind.SYSTEM, ApprovalMode.SINGLE, List.of(CAROL)),
                    single("Manager", ALICE));
            assertEquals(List.of(StepState.APPROVED, StepState.APPROVED, StepState.IN_PROGRESS), stepStates(p));
            assertEquals(ProcessState.IN_PROGRESS, p.state());
        }

        @Test
        void processOfStepsThatNeedNobodyIsApprovedAtOnce() {
            ApprovalProcess p = open(notifyStep("CC", DAVE), StepPlan.approval("Empty", ApprovalMode.ALL_OF));
            assertEquals(ProcessState.APPROVED, p.state());
            assertEquals(Optional.of(T0), p.endedAt());
            assertEquals(List.of(), p.pendingTasks());
        }
    }

    @Nested
    class Immutability {

        @Test
        void applyLeavesTheOriginalUntouched() {
            ApprovalProcess before = open(allOf("Board", ALICE, BOB), single("Sign", CAROL));
            ApprovalProcess snapshot = before.toBuilder().build();
            TaskId aliceTask = pendingTaskOf(before, ALICE);

            ApprovalProcess after = before.apply(aliceTask, Decision.approve(ALICE, null, t(1)));

            assertEquals(snapshot, before);
            assertEquals(PENDING, before.task(aliceTask).orElseThrow().state());
            assertEquals(APPROVED, after.task(aliceTask).orElseThrow().state());
            assertEquals(Optional.of(T0), before.updatedAt());
            assertNotEquals(before, after);
        }

        @Test
        void rejectReturnAndCancelLeaveTheOriginalUntouched() {
            ApprovalProcess p = approve(open(single("Draft", ALICE), single("Review", BOB)), ALICE, t(1));
            ApprovalProcess snapshot = p.toBuilder().build();

            reject(p, BOB, null, t(2));
            DomainFixtures.returnTo(p, BOB, 1, t(2));
            p.cancel(INITIATOR, "withdrawn", t(2));

            assertEquals(snapshot, p);
            assertTrue(p.isOpen());
            assertEquals(List.of(StepState.APPROVED, StepState.IN_PROGRESS), stepStates(p));
        }

        @Test
        void exposedCollectionsAreUnmodifiable() {
            ApprovalProcess p = open(single("Manager", ALICE));
            assertThrows(UnsupportedOperationException.class, () -> p.steps().clear());
            assertThrows(UnsupportedOperationException.class, () -> step(p, 1).tasks().clear());
            assertThrows(UnsupportedOperationException.class, () -> p.stateChanges().clear());
            assertThrows(UnsupportedOperationException.class, () -> p.timeline().clear());
            assertThrows(UnsupportedOperationException.class, () -> p.attributes().put("k", "v"));
        }
    }

    @Nested
    class Timeline {

        @Test
        void approvedFlowReadsFromStartToEnd() {
            ApprovalProcess p = open(single("Manager", ALICE), single("Finance", BOB));
            p = p.apply(pendingTaskOf(p, ALICE), Decision.approve(ALICE, "ok", t(1)));
            p = approve(p, BOB, t(2));

            List<TimelineEntry> timeline = p.timeline();
            assertEquals(List.of(
                    TimelineEntry.Kind.PROCESS_STARTED,
                    TimelineEntry.Kind.STEP_STATE_CHANGED,
                    TimelineEntry.Kind.DECISION,
                    TimelineEntry.Kind.STEP_STATE_CHANGED,
                    TimelineEntry.Kind.STEP_STATE_CHANGED,
                    TimelineEntry.Kind.DECISION,
                    TimelineEntry.Kind.STEP_STATE_CHANGED,
                    TimelineEntry.Kind.PROCESS_STATE_CHANGED), timeline.stream().map(TimelineEntry::kind).toList());
            assertEquals(List.of(T0, T0, t(1), t(1), t(1), t(2), t(2), t(2)),
                    timeline.stream().map(e -> e.time().orElseThrow()).toList());
            assertEquals(List.of(
                    "process started by Ivy (ini) on Contract:C1",
                    "step 'Manager' WAITING -> IN_PROGRESS",
                    "alice approved at step 'Manager': ok",
                    "step 'Manager' IN_PROGRESS -> APPROVED",
                    "step 'Finance' WAITING -> IN_PROGRESS",
                    "bob approved at step 'Finance'",
                    "step 'Finance' IN_PROGRESS -> APPROVED",
                    "process approved"), timeline.stream().map(TimelineEntry::description).toList());

            assertEquals(Optional.of(INITIATOR), timeline.get(0).actor());
            assertEquals(Optional.of(ALICE), timeline.get(2).actor());
            assertEquals(Optional.of(stepId(1)), timeline.get(2).step());
            assertEquals(Optional.of(ALICE), timeline.get(3).actor());
            assertEquals(Optional.of(BOB), timeline.get(5).actor());
            assertEquals(Optional.of(stepId(2)), timeline.get(5).step());
        }

        @Test
        void rejectedFlowEndsWithTheRejectionByItsActor() {
            ApprovalProcess p = reject(open(anyOf("Board", ALICE, BOB)), BOB, "no budget", t(1));
            List<TimelineEntry> timeline = p.timeline();

            assertEquals(TimelineEntry.Kind.PROCESS_STARTED, timeline.get(0).kind());
            TimelineEntry decision = timeline.stream().filter(e -> e.kind() == TimelineEntry.Kind.DECISION)
                    .findFirst().orElseThrow();
            assertEquals("bob rejected at step 'Board': no budget", decision.description());
            TimelineEntry last = timeline.get(timeline.size() - 1);
            assertEquals(TimelineEntry.Kind.PROCESS_STATE_CHANGED, last.kind());
            assertEquals("process rejected", last.description());
            assertEquals(Optional.of(BOB), last.actor());
            assertEquals(Optional.of(t(1)), last.time());
            assertEquals(1, timeline.stream().filter(e -> e.kind() == TimelineEntry.Kind.DECISION).count());
        }

        @Test
        void cancelledFlowEndsWithTheCancellationAndItsReason() {
            ApprovalProcess p = open(single("Manager", ALICE)).cancel(INITIATOR, "withdrawn", t(1));
            List<TimelineEntry> timeline = p.timeline();
            TimelineEntry last = timeline.get(timeline.size() - 1);
            assertEquals(TimelineEntry.Kind.PROCESS_STATE_CHANGED, last.kind());
            assertEquals("process cancelled by Ivy (ini): withdrawn", last.description());
            assertEquals(Optional.of(INITIATOR), last.actor());
            TimelineEntry stepCancelled = timeline.get(timeline.size() - 2);
            assertEquals("step 'Manager' IN_PROGRESS -> CANCELLED", stepCancelled.description());
            assertEquals(Optional.of(INITIATOR), stepCancelled.actor());
        }

        @Test
        void returnShowsInTimeOrderAcrossRounds() {
            ApprovalProcess p = open(single("Draft", ALICE), single("Review", BOB));
            p = approve(p, ALICE, t(1));
            p = DomainFixtures.returnTo(p, BOB, 1, t(2));
            p = approve(p, ALICE, t(3));
            p = approve(p, BOB, t(4));

            List<TimelineEntry> timeline = p.timeline();
            assertSortedByTime(timeline);
            List<String> decisions = timeline.stream().filter(e -> e.kind() == TimelineEntry.Kind.DECISION)
                    .map(TimelineEntry::description).toList();
            assertEquals(List.of(
                    "alice approved at step 'Draft'",
                    "bob returned at step 'Review': please fix",
                    "alice approved at step 'Draft'",
                    "bob approved at step 'Review'"), decisions);
            assertTrue(timeline.stream().anyMatch(e -> e.description().equals("step 'Review' IN_PROGRESS -> RETURNED")));
            assertTrue(timeline.stream()
                    .anyMatch(e -> e.description().equals("returned to 'Draft' (step 'Draft' APPROVED -> IN_PROGRESS)")));
            assertEquals("process approved", timeline.get(timeline.size() - 1).description());
        }

        @Test
        void processReadWithoutStateChangesStillEndsWithItsEnd() {
            ApprovalProcess read = ApprovalProcess.builder().id(P1).providerId("vendor").definition(FLOW)
                    .record(CONTRACT).state(ProcessState.APPROVED).createdAt(T0).endedAt(t(9)).build();
            List<TimelineEntry> timeline = read.timeline();
            assertEquals(2, timeline.size());
            assertEquals("process started on Contract:C1", timeline.get(0).description());
            assertEquals(Optional.empty(), timeline.get(0).actor());
            assertEquals(TimelineEntry.Kind.PROCESS_STATE_CHANGED, timeline.get(1).kind());
            assertEquals("process APPROVED", timeline.get(1).description());
            assertEquals(Optional.of(t(9)), timeline.get(1).time());
        }

        @Test
        void tiesKeepTheOrderInWhichThingsHappened() {
            Instant now = t(1); // e.g. the in-memory provider running on a fixed clock
            ApprovalProcess p = open(single("Manager", ALICE), single("Finance", BOB));
            p = approve(p, ALICE, now);
            p = approve(p, BOB, now);

            assertEquals(List.of(
                    "process started by Ivy (ini) on Contract:C1",
                    "step 'Manager' WAITING -> IN_PROGRESS",
                    "alice approved at step 'Manager'",
                    "step 'Manager' IN_PROGRESS -> APPROVED",
                    "step 'Finance' WAITING -> IN_PROGRESS",
                    "bob approved at step 'Finance'",
                    "step 'Finance' IN_PROGRESS -> APPROVED",
                    "process approved"), p.timeline().stream().map(TimelineEntry::description).toList());
        }

        private void assertSortedByTime(List<TimelineEntry> timeline) {
            for (int i = 1; i < timeline.size(); i++) {
                assertFalse(timeline.get(i).time().orElseThrow().isBefore(timeline.get(i - 1).time().orElseThrow()),
                        "entry " + i + " is earlier than entry " + (i - 1) + ": " + timeline);
            }
        }
    }
}
