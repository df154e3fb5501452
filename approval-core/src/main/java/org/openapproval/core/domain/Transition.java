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

    void approve(ValidatedDecision v) {
        recordDecision(v);
        int index = indexOf(v.step());
        Step step = steps.get(index);
        List<Task> tasks = replace(step.tasks(), v.task().decided(v.decision()));
        boolean complete;
        switch (step.mode()) {
            case SINGLE, ANY_OF -> {
                tasks = closeOpen(tasks);
                complete = true;
            }
            case SEQUENTIAL -> {
                Optional<Task> next = tasks.stream().filter(t -> t.state() == TaskState.WAITING).findFirst();
                if (next.isPresent()) {
                    tasks = replace(tasks, next.get().withState(TaskState.PENDING));
                    complete = false;
                } else {
                    complete = tasks.stream().noneMatch(Transition::isOpen);
                }
            }
            default -> complete = tasks.stream().noneMatch(Transition::isOpen); // ALL_OF; UNKNOWN treated strictly
        }
        if (complete) {
            setStep(index, StepState.APPROVED, tasks, Optional.of(v.decision().actor()));
            reachFrom(index + 1, Optional.of(v.decision().actor()));
        } else {
            steps.set(index, step.with(StepState.IN_PROGRESS, tasks));
        }
    }

    void reject(ValidatedDecision v) {
        recordDecision(v);
        int index = indexOf(v.step());
        List<Task> tasks = closeOpen(replace(v.step().tasks(), v.task().decided(v.decision())));
        setStep(index, StepState.REJECTED, tasks, Optional.of(v.decision().actor()));
        // A rejection ends the whole process, so steps running in parallel close too.
        closeOtherStepsInProgress(index, Optional.of(v.decision().actor()));
        end(ProcessState.REJECTED, Optional.of(v.decision().actor()), "process rejected");
    }

    void returnTo(ValidatedDecision v) {
        recordDecision(v);
        int index = indexOf(v.step());
        Step target = v.returnTarget().orElseThrow();
        int targetIndex = indexOf(target);
        List<Task> tasks = closeOpen(replace(v.step().tasks(), v.task().decided(v.decision())));
        setStep(index, StepState.RETURNED, tasks, Optional.of(v.decision().actor()));
        for (int j = targetIndex + 1; j < index; j++) {
            Step between = steps.get(j);
            setStep(j, StepState.WAITING, closeOpen(between.tasks()), Optional.empty());
        }
        activate(targetIndex);
    }

    void cancel(UserRef actor, String reason) {
        closeOtherStepsInProgress(-1, Optional.of(actor));
        end(ProcessState.CANCELLED, Optional.of(actor), "process cancelled by " + actor + ": " + reason);
    }

    private void closeOtherStepsInProgress(int except, Optional<UserRef> actor) {
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            if (i != except && s.state() == StepState.IN_PROGRESS) {
                setStep(i, StepState.CANCELLED, closeOpen(s.tasks()), actor);
            }
        }
    }

    /** Decisions go into the history as they happen, so ties in time keep their real order. */
    private void recordDecision(ValidatedDecision v) {
        changes.add(ApprovalProcess.decisionEntry(v.decision(), v.step()));
    }

    /** Reaches the first step from {@code index} that needs people; steps that need none pass by themselves. */
    void reachFrom(int index, Optional<UserRef> actor) {
        for (int k = index; k < steps.size(); k++) {
            Step s = steps.get(k);
            if (s.state() == StepState.IN_PROGRESS) {
                return; // already reached (a parallel branch); its running tasks stay as they are
            }
            boolean needsPeople = s.kind() != StepKind.NOTIFY && s.kind() != StepKind.SYSTEM && !s.assignees().isEmpty();
            if (needsPeople) {
                activate(k);
                return;
            }
            setStep(k, StepState.APPROVED, s.tasks(), Optional.empty());
        }
        end(ProcessState.APPROVED, actor, "process approved");
    }

    private void activate(int index) {
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
        setStep(index, StepState.IN_PROGRESS, tasks, Optional.empty());
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

    private static boolean isOpen(Task t) {
        return t.state() == TaskState.PENDING || t.state() == TaskState.WAITING;
    }

    private static List<Task> closeOpen(List<Task> tasks) {
        return tasks.stream().map(t -> isOpen(t) ? t.withState(TaskState.CANCELLED) : t).toList();
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
