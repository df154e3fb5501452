package org.openapproval.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openapproval.core.domain.DomainFixtures.ALICE;
import static org.openapproval.core.domain.DomainFixtures.BOB;
import static org.openapproval.core.domain.DomainFixtures.CAROL;
import static org.openapproval.core.domain.DomainFixtures.DAVE;
import static org.openapproval.core.domain.DomainFixtures.INITIATOR;
import static org.openapproval.core.domain.DomainFixtures.P1;
import static org.openapproval.core.domain.DomainFixtures.P2;
import static org.openapproval.core.domain.DomainFixtures.allOf;
import static org.openapproval.core.domain.DomainFixtures.anyOf;
import static org.openapproval.core.domain.DomainFixtures.approve;
import static org.openapproval.core.domain.DomainFixtures.notifyStep;
import static org.openapproval.core.domain.DomainFixtures.open;
import static org.openapproval.core.domain.DomainFixtures.pendingTaskOf;
import static org.openapproval.core.domain.DomainFixtures.sequential;
import static org.openapproval.core.domain.DomainFixtures.single;
import static org.openapproval.core.domain.DomainFixtures.step;
import static org.openapproval.core.domain.DomainFixtures.stepId;
import static org.openapproval.core.domain.DomainFixtures.t;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@link ApprovalProcess#decide}: every rule refuses with its own exception and a message that says why. */
class ApprovalProcessDecideTest {

    private static final DecisionPolicy OPTIONAL = DecisionPolicy.commentsOptional();
    private static final DecisionPolicy REQUIRED = DecisionPolicy.commentsRequired();

    /** Draft (alice) -> Review (bob) -> Sign (carol). */
    private static ApprovalProcess threeSteps() {
        return open(single("Draft", ALICE), single("Review", BOB), single("Sign", CAROL));
    }

    /** Three steps with Draft and Review approved: Sign (carol) is current. */
    private static ApprovalProcess atSign() {
        ApprovalProcess p = approve(threeSteps(), ALICE, t(1));
        return approve(p, BOB, t(2));
    }

    @Nested
    class ProcessMustBeOpen {

        @Test
        void approvedProcessTakesNoDecision() {
            ApprovalProcess p = open(single("Only", ALICE));
            TaskId task = pendingTaskOf(p, ALICE);
            ApprovalProcess approved = p.apply(task, Decision.approve(ALICE, null, t(1)));

            ProcessNotOpenException e = assertThrows(ProcessNotOpenException.class,
                    () -> approved.decide(task, Decision.approve(ALICE, null, t(2)), OPTIONAL));
            assertEquals("process P1 is APPROVED (vendor status 'APPROVED') and cannot take a decision any more",
                    e.reason());
            assertInstanceOf(DomainRuleException.class, e);
            assertEquals(Optional.of("in-memory"), e.providerId());
            assertTrue(e.getMessage().endsWith("[provider=in-memory]"), e.getMessage());
        }

        @Test
        void cancelledProcessTakesNoDecision() {
            ApprovalProcess p = open(single("Only", ALICE));
            TaskId task = pendingTaskOf(p, ALICE);
            ApprovalProcess cancelled = p.cancel(INITIATOR, "withdrawn", t(1));

            ProcessNotOpenException e = assertThrows(ProcessNotOpenException.class,
                    () -> cancelled.decide(task, Decision.approve(ALICE, null, t(2)), OPTIONAL));
            assertTrue(e.reason().contains("is CANCELLED"), e.reason());
            assertThrows(ProcessNotOpenException.class, cancelled::checkCancellable);
        }

        @Test
        void processInAnUnknownVendorStateTakesNoDecisionAndTheMessageQuotesTheVendorStatus() {
            ApprovalProcess p = open(single("Only", ALICE));
            TaskId task = pendingTaskOf(p, ALICE);
            ApprovalProcess odd = p.toBuilder().state(ProcessState.UNKNOWN).vendorStatus("weird_state").build();

            ProcessNotOpenException e = assertThrows(ProcessNotOpenException.class,
                    () -> odd.decide(task, Decision.approve(ALICE, null, t(1)), OPTIONAL));
            assertEquals("process P1 is in a state this library does not know (vendor status 'weird_state'), so it "
                    + "cannot take a decision safely", e.reason());
        }

        @Test
        void closedProcessIsReportedBeforeAnyOtherRule() {
            ApprovalProcess cancelled = open(single("Only", ALICE)).cancel(INITIATOR, "withdrawn", t(1));
            TaskId foreign = TaskId.of(P2, "1", "1");
            assertThrows(ProcessNotOpenException.class,
                    () -> cancelled.decide(foreign, Decision.approve(BOB, null, t(2)), REQUIRED));
        }
    }

    @Nested
    class TaskMustBelongToTheProcess {

        @Test
        void taskOfAnotherProcessIsUnknown() {
            ApprovalProcess p = threeSteps();
            TaskId foreign = TaskId.of(P2, "1", "1");
            UnknownTaskException e = assertThrows(UnknownTaskException.class,
                    () -> p.decide(foreign, Decision.approve(ALICE, null, t(1)), OPTIONAL));
            assertEquals("task P2/1:1 is not a task of process P1", e.reason());
            assertInstanceOf(DomainRuleException.class, e);
        }

        @Test
        void unknownTaskOfThisProcessIsUnknown() {
            ApprovalProcess p = threeSteps();
            TaskId madeUp = TaskId.of(P1, "9", "9");
            UnknownTaskException e = assertThrows(UnknownTaskException.class,
                    () -> p.decide(madeUp, Decision.approve(ALICE, null, t(1)), OPTIONAL));
            assertEquals("task P1/9:9 is not a task of process P1", e.reason());
            assertThrows(UnknownTaskException.class, () -> p.returnTargets(madeUp));
        }

    }

    @Nested
    class TaskMustBePending {

        @Test
        void alreadyApprovedTaskTakesNoFurtherDecision() {
            ApprovalProcess p = threeSteps();
            TaskId aliceTask = pendingTaskOf(p, ALICE);
            ApprovalProcess after = p.apply(aliceTask, Decision.approve(ALICE, null, t(1)));

            TaskNotPendingException e = assertThrows(TaskNotPendingException.class,
                    () -> after.decide(aliceTask, Decision.reject(ALICE, "changed my mind", t(2)), OPTIONAL));
            assertEquals("task P1/1:1 of step 'Draft' is APPROVED (vendor status 'APPROVED'), not PENDING;"
                    + " it takes no decision", e.reason());
        }

        @Test
        void taskCancelledBecauseAnotherAssigneeSettledTheStepTakesNoDecision() {
            ApprovalProcess p = open(anyOf("Board", ALICE, BOB), single("Sign", CAROL));
            TaskId bobTask = pendingTaskOf(p, BOB);
            ApprovalProcess after = approve(p, ALICE, t(1));

            TaskNotPendingException e = assertThrows(TaskNotPendingException.class,
                    () -> after.decide(bobTask, Decision.approve(BOB, null, t(2)), OPTIONAL));
            assertTrue(e.reason().contains("is CANCELLED"), e.reason());
        }

        @Test
        void sequentialTaskWhoseTurnHasNotComeIsWaiting() {
            ApprovalProcess p = open(sequential("Chain", ALICE, BOB, CAROL));
            TaskId bobTask = step(p, 1).tasks().get(1).id();
            assertEquals(BOB, step(p, 1).tasks().get(1).assignee());

            TaskNotPendingException e = assertThrows(TaskNotPendingException.class,
                    () -> p.decide(bobTask, Decision.approve(BOB, null, t(1)), OPTIONAL));
            assertEquals("task P1/1:2 of step 'Chain' is WAITING (vendor status 'WAITING'), not PENDING;"
                    + " it takes no decision", e.reason());
        }

        @Test
        void messageQuotesTheRawVendorStatusOfATaskReadFromAVendor() {
            ApprovalProcess p = threeSteps();
            Step draft = step(p, 1);
            Task raw = draft.tasks().get(0);
            Task odd = new Task(raw.id(), raw.assignee(), TaskState.UNKNOWN, "on_hold", Optional.empty(),
                    raw.createdAt());
            ApprovalProcess read = p.toBuilder().steps(replaceStep(p, draft.with(draft.state(), List.of(odd))))
                    .build();

            TaskNotPendingException e = assertThrows(TaskNotPendingException.class,
                    () -> read.decide(raw.id(), Decision.approve(ALICE, null, t(1)), OPTIONAL));
            assertTrue(e.reason().contains("is UNKNOWN (vendor status 'on_hold')"), e.reason());
        }
    }

    @Nested
    class ActorMustBeTheAssignee {

        @Test
        void someoneElseMayNotDecide() {
            ApprovalProcess p = threeSteps();
            TaskId aliceTask = pendingTaskOf(p, ALICE);
            ActorNotAllowedException e = assertThrows(ActorNotAllowedException.class,
                    () -> p.decide(aliceTask, Decision.approve(BOB, null, t(1)), OPTIONAL));
            assertEquals("user bob may not decide task P1/1:1: it is assigned to alice", e.reason());
        }

        @Test
        void anotherAssigneeOfTheSameStepMayNotDecideMyTask() {
            ApprovalProcess p = open(allOf("Board", ALICE, BOB));
            TaskId aliceTask = pendingTaskOf(p, ALICE);
            assertThrows(ActorNotAllowedException.class,
                    () -> p.decide(aliceTask, Decision.reject(BOB, null, t(1)), OPTIONAL));
        }

        @Test
        void theAssigneeIsRecognisedByIdWhateverTheDisplayName() {
            ApprovalProcess p = threeSteps();
            TaskId aliceTask = pendingTaskOf(p, ALICE);
            UserRef aliceRenamed = new UserRef("alice", "Alice Liddell");
            ValidatedDecision v = p.decide(aliceTask, Decision.approve(aliceRenamed, null, t(1)), OPTIONAL);
            assertEquals(aliceRenamed, v.decision().actor());
        }

        @Test
        void actorIsCheckedBeforeTheComment() {
            ApprovalProcess p = threeSteps();
            TaskId aliceTask = pendingTaskOf(p, ALICE);
            assertThrows(ActorNotAllowedException.class,
                    () -> p.decide(aliceTask, Decision.approve(BOB, null, t(1)), REQUIRED));
        }
    }

    @Nested
    class CommentPolicy {

        @Test
        void requiredCommentMissingIsRefused() {
            ApprovalProcess p = threeSteps();
            TaskId aliceTask = pendingTaskOf(p, ALICE);
            CommentRequiredException approve = assertThrows(CommentRequiredException.class,
                    () -> p.decide(aliceTask, Decision.approve(ALICE, null, t(1)), REQUIRED));
            assertEquals("provider in-memory requires a comment to approve task P1/1:1", approve.reason());
            CommentRequiredException reject = assertThrows(CommentRequiredException.class,
                    () -> p.decide(aliceTask, Decision.reject(ALICE, null, t(1)), REQUIRED));
            assertEquals("provider in-memory requires a comment to reject task P1/1:1", reject.reason());
        }

        @Test
        void requiredCommentPresentIsAccepted() {
            ApprovalProcess p = threeSteps();
            TaskId aliceTask = pendingTaskOf(p, ALICE);
            ValidatedDecision v = p.decide(aliceTask, Decision.approve(ALICE, "looks good", t(1)), REQUIRED);
            assertEquals(Optional.of("looks good"), v.decision().comment());
        }

        @Test
        void optionalCommentMayBeLeftOut() {
            ApprovalProcess p = threeSteps();
            TaskId aliceTask = pendingTaskOf(p, ALICE);
            ValidatedDecision v = p.decide(aliceTask, Decision.reject(ALICE, null, t(1)), OPTIONAL);
            assertEquals(Optional.empty(), v.decision().comment());
        }

        @Test
        void policyMayRequireACommentForSomeVerdictsOnly() {
            ApprovalProcess p = threeSteps();
            TaskId aliceTask = pendingTaskOf(p, ALICE);
            DecisionPolicy rejectNeedsReason = new DecisionPolicy(java.util.Set.of(Verdict.REJECT));
            p.decide(aliceTask, Decision.approve(ALICE, null, t(1)), rejectNeedsReason);
            assertThrows(CommentRequiredException.class,
                    () -> p.decide(aliceTask, Decision.reject(ALICE, null, t(1)), rejectNeedsReason));
        }

        @Test
        void returnWithoutCommentIsRefusedWhenRequired() {
            ApprovalProcess p = atSign();
            TaskId carolTask = pendingTaskOf(p, CAROL);
            CommentRequiredException e = assertThrows(CommentRequiredException.class, () -> p.decide(carolTask,
                    Decision.returnTo(stepId(1), CAROL, null, t(3)), REQUIRED));
            assertTrue(e.reason().contains("to return task"), e.reason());
        }
    }

    @Nested
    class ReturnTarget {

        @Test
        void laterStepIsNotAValidTarget() {
            ApprovalProcess p = approve(threeSteps(), ALICE, t(1)); // at Review
            TaskId bobTask = pendingTaskOf(p, BOB);
            InvalidReturnTargetException e = assertThrows(InvalidReturnTargetException.class,
                    () -> p.decide(bobTask, Decision.returnTo(stepId(3), BOB, null, t(2)), OPTIONAL));
            assertEquals("task P1/2:1 cannot be returned to P1/3: a return goes to an earlier step already passed;"
                    + " valid targets: P1/1 ('Draft')", e.reason());
        }

        @Test
        void currentStepIsNotAValidTarget() {
            ApprovalProcess p = approve(threeSteps(), ALICE, t(1));
            TaskId bobTask = pendingTaskOf(p, BOB);
            InvalidReturnTargetException e = assertThrows(InvalidReturnTargetException.class,
                    () -> p.decide(bobTask, Decision.returnTo(stepId(2), BOB, null, t(2)), OPTIONAL));
            assertTrue(e.reason().contains("cannot be returned to P1/2"), e.reason());
        }

        @Test
        void firstStepHasNoTargetsAtAll() {
            ApprovalProcess p = threeSteps();
            TaskId aliceTask = pendingTaskOf(p, ALICE);
            InvalidReturnTargetException e = assertThrows(InvalidReturnTargetException.class,
                    () -> p.decide(aliceTask, Decision.returnTo(stepId(1), ALICE, null, t(1)), OPTIONAL));
            assertTrue(e.reason().endsWith("valid targets: none"), e.reason());
        }

        @Test
        void earlierStepNotApprovedIsNotAValidTarget() {
            // As read from a vendor: Draft was skipped (still WAITING) and Review is current.
            ApprovalProcess p = approve(threeSteps(), ALICE, t(1));
            Step draft = step(p, 1);
            ApprovalProcess read = p.toBuilder()
                    .steps(replaceStep(p, draft.with(StepState.WAITING, draft.tasks()))).build();
            TaskId bobTask = pendingTaskOf(read, BOB);

            InvalidReturnTargetException e = assertThrows(InvalidReturnTargetException.class,
                    () -> read.decide(bobTask, Decision.returnTo(stepId(1), BOB, null, t(2)), OPTIONAL));
            assertTrue(e.reason().endsWith("valid targets: none"), e.reason());
        }

        @Test
        void stepOfAnotherProcessIsNotAValidTarget() {
            ApprovalProcess p = approve(threeSteps(), ALICE, t(1));
            TaskId bobTask = pendingTaskOf(p, BOB);
            assertThrows(InvalidReturnTargetException.class, () -> p.decide(bobTask,
                    Decision.returnTo(StepId.of(P2, "1"), BOB, null, t(2)), OPTIONAL));
        }

        @Test
        void notifyStepIsNotAValidTargetEvenThoughItPassed() {
            ApprovalProcess p = approve(open(single("Draft", ALICE), notifyStep("CC", DAVE), single("Review", BOB)),
                    ALICE, t(1));
            assertEquals(StepState.APPROVED, step(p, 2).state());
            TaskId bobTask = pendingTaskOf(p, BOB);
            InvalidReturnTargetException e = assertThrows(InvalidReturnTargetException.class,
                    () -> p.decide(bobTask, Decision.returnTo(stepId(2), BOB, null, t(2)), OPTIONAL));
            assertTrue(e.reason().endsWith("valid targets: P1/1 ('Draft')"), e.reason());
        }

        @Test
        void validReturnCarriesItsTargetStep() {
            ApprovalProcess p = atSign();
            TaskId carolTask = pendingTaskOf(p, CAROL);
            Decision back = Decision.returnTo(stepId(1), CAROL, "start over", t(3));

            ValidatedDecision v = p.decide(carolTask, back, OPTIONAL);
            assertSame(p, v.process());
            assertEquals(step(p, 3), v.step());
            assertEquals(p.task(carolTask).orElseThrow(), v.task());
            assertSame(back, v.decision());
            assertEquals(Optional.of(step(p, 1)), v.returnTarget());
        }

        @Test
        void approvalCarriesNoTarget() {
            ApprovalProcess p = threeSteps();
            TaskId aliceTask = pendingTaskOf(p, ALICE);
            ValidatedDecision v = p.decide(aliceTask, Decision.approve(ALICE, null, t(1)), OPTIONAL);
            assertEquals(Optional.empty(), v.returnTarget());
            assertEquals("Draft", v.step().name());
            assertEquals(TaskState.PENDING, v.task().state());
        }

        @Test
        void decideDoesNotChangeTheProcess() {
            ApprovalProcess p = atSign();
            ApprovalProcess copy = p.toBuilder().build();
            p.decide(pendingTaskOf(p, CAROL), Decision.returnTo(stepId(1), CAROL, null, t(3)), OPTIONAL);
            assertEquals(copy, p);
        }
    }

    @Nested
    class ReturnTargets {

        @Test
        void listsOnlyEarlierApprovedReturnableStepsInFlowOrder() {
            ApprovalProcess p = open(single("Draft", ALICE), notifyStep("CC", DAVE), single("Review", BOB),
                    single("Sign", CAROL));
            p = approve(p, ALICE, t(1));
            p = approve(p, BOB, t(2));

            List<Step> targets = p.returnTargets(pendingTaskOf(p, CAROL));
            assertEquals(List.of(stepId(1), stepId(3)), targets.stream().map(Step::id).toList());
            assertEquals(List.of(step(p, 1), step(p, 3)), targets);
        }

        @Test
        void stepsAfterTheTaskAreNeverTargets() {
            ApprovalProcess p = atSign();
            TaskId aliceOldTask = step(p, 1).tasks().get(0).id();
            assertEquals(List.of(), p.returnTargets(aliceOldTask));
            TaskId bobOldTask = step(p, 2).tasks().get(0).id();
            assertEquals(List.of(stepId(1)), p.returnTargets(bobOldTask).stream().map(Step::id).toList());
        }

        @Test
        void earlierStepsReopenedByAReturnAreNoLongerTargets() {
            ApprovalProcess p = atSign();
            p = DomainFixtures.returnTo(p, CAROL, 1, t(3)); // Draft again; Review WAITING, Sign RETURNED
            p = approve(p, ALICE, t(4));                      // Review again
            assertEquals(List.of(stepId(1)),
                    p.returnTargets(pendingTaskOf(p, BOB)).stream().map(Step::id).toList());
        }
    }

    /** The steps of {@code p} with the one of the same id swapped for {@code replacement}. */
    private static List<Step> replaceStep(ApprovalProcess p, Step replacement) {
        List<Step> steps = new ArrayList<>(p.steps());
        steps.replaceAll(s -> s.id().equals(replacement.id()) ? replacement : s);
        return steps;
    }
}
