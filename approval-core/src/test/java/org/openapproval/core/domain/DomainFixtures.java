package org.openapproval.core.domain;

import java.time.Instant;
import java.util.List;

/** Shared, deterministic fixtures for the domain tests: fixed times, a few people, plan shortcuts. */
final class DomainFixtures {
    static final ProcessId P1 = ProcessId.of("P1");
    static final ProcessId P2 = ProcessId.of("P2");
    static final String PROVIDER = "in-memory";
    static final DefinitionRef FLOW = DefinitionRef.of("flow");
    static final RecordRef CONTRACT = RecordRef.of("Contract", "C1");

    static final Instant T0 = Instant.parse("2024-03-01T09:00:00Z");

    static final UserRef INITIATOR = new UserRef("ini", "Ivy");
    static final UserRef ALICE = UserRef.of("alice");
    static final UserRef BOB = UserRef.of("bob");
    static final UserRef CAROL = UserRef.of("carol");
    static final UserRef DAVE = UserRef.of("dave");

    private DomainFixtures() {
    }

    /** {@code n} minutes after {@link #T0}. */
    static Instant t(int n) {
        return T0.plusSeconds(60L * n);
    }

    static ApprovalProcess open(StepPlan... plan) {
        return ApprovalProcess.open(P1, PROVIDER, FLOW, CONTRACT, INITIATOR, TriggerKind.MANUAL, T0, List.of(plan));
    }

    static StepPlan single(String name, UserRef assignee) {
        return StepPlan.approval(name, ApprovalMode.SINGLE, assignee);
    }

    static StepPlan anyOf(String name, UserRef... assignees) {
        return StepPlan.approval(name, ApprovalMode.ANY_OF, assignees);
    }

    static StepPlan allOf(String name, UserRef... assignees) {
        return StepPlan.approval(name, ApprovalMode.ALL_OF, assignees);
    }

    static StepPlan sequential(String name, UserRef... assignees) {
        return StepPlan.approval(name, ApprovalMode.SEQUENTIAL, assignees);
    }

    static StepPlan notifyStep(String name, UserRef... assignees) {
        return new StepPlan(name, StepKind.NOTIFY, ApprovalMode.ANY_OF, List.of(assignees));
    }

    static StepId stepId(int position) {
        return StepId.of(P1, String.valueOf(position));
    }

    /** The step at a 1-based position of the plan. */
    static Step step(ApprovalProcess p, int position) {
        return p.step(stepId(position)).orElseThrow();
    }

    /** The one PENDING task of {@code user} in the process. */
    static TaskId pendingTaskOf(ApprovalProcess p, UserRef user) {
        List<Task> mine = p.pendingTasks().stream().filter(t -> t.assignee().isSamePersonAs(user)).toList();
        if (mine.size() != 1) {
            throw new AssertionError(user.id() + " has " + mine.size() + " pending tasks in " + p);
        }
        return mine.get(0).id();
    }

    static ApprovalProcess approve(ApprovalProcess p, UserRef user, Instant at) {
        return p.apply(pendingTaskOf(p, user), Decision.approve(user, null, at));
    }

    static ApprovalProcess reject(ApprovalProcess p, UserRef user, String comment, Instant at) {
        return p.apply(pendingTaskOf(p, user), Decision.reject(user, comment, at));
    }

    static ApprovalProcess returnTo(ApprovalProcess p, UserRef user, int targetPosition, Instant at) {
        return p.apply(pendingTaskOf(p, user), Decision.returnTo(stepId(targetPosition), user, "please fix", at));
    }

    /** Task states of a step, in task order. */
    static List<TaskState> taskStates(Step s) {
        return s.tasks().stream().map(Task::state).toList();
    }

    static List<StepState> stepStates(ApprovalProcess p) {
        return p.steps().stream().map(Step::state).toList();
    }
}
