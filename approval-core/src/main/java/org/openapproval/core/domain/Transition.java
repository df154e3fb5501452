package org.openapproval.core.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The working copy of one change to an {@link ApprovalProcess}: steps are replaced one by one and the
 * state changes recorded, then {@link #result()} builds the new immutable process.
 *
 * <p>The flow moves stage by stage. Reaching a stage starts each of its steps that has not run yet in
 * this round (WAITING, or CANCELLED / RETURNED by an earlier return); a step already running is left
 * alone and an APPROVED one is never started again (only {@link #returnTo} sets approved steps back).
 */
final class Transition {
    private final ApprovalProcess before;
    private final Instant at;
    private final List<Step> steps;
    private final List<TimelineEntry> changes = new ArrayList<>();
    private ProcessState state;
    private Optional<Instant> endedAt;

    Transition(ApprovalProcess before, Instant at) {
        this.before = before;
        this.at = at;
        this.steps = new ArrayList<>(before.steps());
        this.state = before.state();
        this.endedAt = before.endedAt();
    }

    /** A new process reaches its first stage. */
    void start(Optional<UserRef> initiator) {
        reachStagesAfter(Integer.MIN_VALUE, initiator);
    }

    void approve(ValidatedDecision v) {
        recordDecision(v);
        int index = indexOf(v.step());
        Step step = steps.get(index);
        List<Task> tasks = replace(step.tasks(), v.task().decided(v.decision()));
        boolean complete;
        switch (step.mode()) {
            case SINGLE, ANY_OF -> {
                tasks = closeOpen(tasks, Actor.system());
                complete = true;
            }
            case SEQUENTIAL -> {
                Optional<Task> next = tasks.stream().filter(t -> t.state() == TaskState.WAITING).findFirst();
                if (next.isPresent()) {
                    tasks = replace(tasks, next.get().pending());
                    complete = false;
                } else {
                    complete = tasks.stream().noneMatch(Task::isOpen);
                }
            }
            default -> complete = tasks.stream().noneMatch(Task::isOpen); // ALL_OF; UNKNOWN treated strictly
        }
        if (!complete) {
            steps.set(index, step.with(StepState.IN_PROGRESS, tasks));
            return;
        }
        Optional<UserRef> actor = Optional.of(v.decision().actor());
        setStep(index, StepState.APPROVED, tasks, actor);
        // The join: the flow moves on only when every branch of this stage is approved.
        if (stepsOfStage(before.stageOf(step)).stream().allMatch(s -> s.state() == StepState.APPROVED)) {
            reachStagesAfter(before.stageOf(step), actor);
        }
    }

    void reject(ValidatedDecision v) {
        recordDecision(v);
        int index = indexOf(v.step());
        List<Task> tasks = closeOpen(replace(v.step().tasks(), v.task().decided(v.decision())), Actor.system());
        Optional<UserRef> actor = Optional.of(v.decision().actor());
        setStep(index, StepState.REJECTED, tasks, actor);
        // A rejection ends the whole process, so every branch still running closes too.
        closeRunningSteps(Actor.system(), actor);
        end(ProcessState.REJECTED, actor, "process rejected");
    }

    /**
     * Sends the flow back: the returning step is RETURNED, every step after the target's stage that still
     * runs is cancelled (its branch would otherwise go on from a state the return discarded), the approved
     * ones after it wait to run again, and the target re-opens with fresh tasks under its own id and name.
     */
    void returnTo(ValidatedDecision v) {
        recordDecision(v);
        int index = indexOf(v.step());
        Step target = v.returnTarget().orElseThrow();
        int targetIndex = indexOf(target);
        Optional<UserRef> actor = Optional.of(v.decision().actor());
        List<Task> tasks = closeOpen(replace(v.step().tasks(), v.task().decided(v.decision())), Actor.system());
        setStep(index, StepState.RETURNED, tasks, actor);
        for (int j = 0; j < steps.size(); j++) {
            Step s = steps.get(j);
            if (j == index || before.stageOf(s) <= before.stageOf(target)) {
                continue;
            }
            if (s.state() == StepState.IN_PROGRESS) {
                setStep(j, StepState.CANCELLED, closeOpen(s.tasks(), Actor.system()), actor);
            } else if (s.state() == StepState.APPROVED) {
                setStep(j, StepState.WAITING, s.tasks(), Optional.empty());
            }
        }
        activate(targetIndex, actor, "returned to '" + target.name() + "'");
    }

    void cancel(UserRef actor, String reason) {
        closeRunningSteps(Actor.person(actor), Optional.of(actor));
        end(ProcessState.CANCELLED, Optional.of(actor), "process cancelled by " + actor + ": " + reason);
    }

    private void closeRunningSteps(Actor closedBy, Optional<UserRef> actor) {
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            if (s.state() == StepState.IN_PROGRESS) {
                setStep(i, StepState.CANCELLED, closeOpen(s.tasks(), closedBy), actor);
            }
        }
    }

    /** Decisions go into the history as they happen, so ties in time keep their real order. */
    private void recordDecision(ValidatedDecision v) {
        changes.add(ApprovalProcess.decisionEntry(v.decision(), v.step()));
    }

    /**
     * Reaches the stages after {@code stage}, one by one: each step that has not run yet in this round starts
     * (or passes by itself when it needs nobody). Stops at the first stage left with a step to finish; past
     * the last stage the process is approved.
     */
    private void reachStagesAfter(int stage, Optional<UserRef> actor) {
        Optional<Integer> next = nextStage(stage);
        while (next.isPresent()) {
            for (int k = 0; k < steps.size(); k++) {
                Step s = steps.get(k);
                if (before.stageOf(s) != next.get() || !hasYetToRun(s)) {
                    continue;
                }
                if (s.needsPeople()) {
                    activate(k, Optional.empty(), null);
                } else {
                    setStep(k, StepState.APPROVED, s.tasks(), Optional.empty());
                }
            }
            if (stepsOfStage(next.get()).stream().anyMatch(s -> s.state() != StepState.APPROVED)) {
                return; // this stage now runs (or holds a step this library cannot move on)
            }
            next = nextStage(next.get());
        }
        end(ProcessState.APPROVED, actor, "process approved");
    }

    /** Not run in this round: never reached, or cut short / sent back by a return. */
    private static boolean hasYetToRun(Step s) {
        return s.state() == StepState.WAITING || s.state() == StepState.CANCELLED || s.state() == StepState.RETURNED;
    }

    private Optional<Integer> nextStage(int stage) {
        return steps.stream().map(before::stageOf).filter(n -> n > stage).min(Integer::compare);
    }

    private List<Step> stepsOfStage(int stage) {
        return steps.stream().filter(s -> before.stageOf(s) == stage).toList();
    }

    /** Starts a step with a fresh task per assignee; task ids never repeat an earlier round's. */
    private void activate(int index, Optional<UserRef> actor, String why) {
        Step s = steps.get(index);
        List<Task> tasks = new ArrayList<>(s.tasks());
        Set<TaskId> used = new HashSet<>();
        tasks.forEach(t -> used.add(t.id()));
        int counter = tasks.size();
        boolean first = true;
        for (UserRef assignee : s.assignees()) {
            TaskId id;
            do {
                counter++;
                List<String> segments = new ArrayList<>(s.id().segments());
                segments.add(String.valueOf(counter));
                id = new TaskId(s.id().process(), segments);
            } while (used.contains(id));
            used.add(id);
            TaskState initial = s.mode() == ApprovalMode.SEQUENTIAL && !first ? TaskState.WAITING : TaskState.PENDING;
            tasks.add(new Task(id, assignee, initial, initial.name(), Optional.empty(), Optional.of(at)));
            first = false;
        }
        steps.set(index, s.with(StepState.IN_PROGRESS, tasks));
        String change = "step '" + s.name() + "' " + s.state() + " -> " + StepState.IN_PROGRESS;
        changes.add(new TimelineEntry(at, TimelineEntry.Kind.STEP_STATE_CHANGED,
                why == null ? change : why + " (" + change + ")", actor, Optional.of(s.id())));
    }

    private void end(ProcessState outcome, Optional<UserRef> actor, String description) {
        state = outcome;
        endedAt = Optional.of(at);
        changes.add(new TimelineEntry(at, TimelineEntry.Kind.PROCESS_STATE_CHANGED, description, actor,
                Optional.empty()));
    }

    private void setStep(int index, StepState next, List<Task> tasks, Optional<UserRef> actor) {
        Step s = steps.get(index);
        steps.set(index, s.with(next, tasks));
        if (s.state() != next) {
            changes.add(new TimelineEntry(at, TimelineEntry.Kind.STEP_STATE_CHANGED,
                    "step '" + s.name() + "' " + s.state() + " -> " + next, actor, Optional.of(s.id())));
        }
    }

    private int indexOf(Step step) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).id().equals(step.id())) {
                return i;
            }
        }
        throw new IllegalStateException("step " + step.id() + " is not part of process " + before.id());
    }

    private static List<Task> closeOpen(List<Task> tasks, Actor by) {
        return tasks.stream().map(t -> t.closedWithoutDecision(by)).toList();
    }

    private static List<Task> replace(List<Task> tasks, Task replacement) {
        return tasks.stream().map(t -> t.id().equals(replacement.id()) ? replacement : t).toList();
    }

    ApprovalProcess result() {
        List<TimelineEntry> history = new ArrayList<>(before.stateChanges());
        history.addAll(changes);
        ApprovalProcess.Builder b = before.toBuilder().steps(steps).state(state).updatedAt(at).stateChanges(history);
        if (state != before.state()) {
            b.vendorStatus(state.name());
        }
        endedAt.ifPresent(b::endedAt);
        return b.build();
    }
}
