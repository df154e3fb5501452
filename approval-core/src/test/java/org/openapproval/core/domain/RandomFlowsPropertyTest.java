package org.openapproval.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.openapproval.core.domain.DomainFixtures.CONTRACT;
import static org.openapproval.core.domain.DomainFixtures.FLOW;
import static org.openapproval.core.domain.DomainFixtures.INITIATOR;
import static org.openapproval.core.domain.DomainFixtures.P1;
import static org.openapproval.core.domain.DomainFixtures.PROVIDER;
import static org.openapproval.core.domain.DomainFixtures.T0;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random flows (1-4 stages of 1-3 parallel steps, random modes, 1-3 assignees) driven by random decisions in
 * random order, from fixed seeds so every run sees the same 500 flows. After every change the process must
 * still make sense; a failure names the seed and flow so it can be replayed.
 */
class RandomFlowsPropertyTest {
    private static final int FLOWS_PER_SEED = 100;
    private static final int MAX_RETURNS = 3;
    private static final List<UserRef> PEOPLE = List.of(UserRef.of("alice"), UserRef.of("bob"), UserRef.of("carol"),
            UserRef.of("dave"), UserRef.of("erin"));
    private static final ApprovalMode[] MODES = {ApprovalMode.SINGLE, ApprovalMode.ANY_OF, ApprovalMode.ALL_OF,
            ApprovalMode.SEQUENTIAL};

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1L, 7L, 42L, 2024L, 90_210L})
    void randomDecisionsOnRandomFlowsKeepTheProcessSound(long seed) {
        Random random = new Random(seed);
        for (int flow = 0; flow < FLOWS_PER_SEED; flow++) {
            List<StepPlan> plan = randomPlan(random);
            String where = "seed " + seed + ", flow " + flow + " " + describe(plan);
            try {
                run(random, plan, where);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(where + ": " + e.getMessage(), e);
            }
        }
    }

    private static void run(Random random, List<StepPlan> plan, String where) {
        ApprovalProcess p = ApprovalProcess.open(P1, PROVIDER, FLOW, CONTRACT, INITIATOR, TriggerKind.MANUAL, T0, plan);
        Map<StepId, Integer> activations = new HashMap<>();
        countActivations(null, p, activations);
        checkState(p);
        int minute = 0;
        int returns = 0;
        for (int move = 0; p.isOpen(); move++) {
            assertTrue(move < 1_000, "the process never ended");
            minute += random.nextInt(3); // 0 allows ties, as on a fixed clock
            Instant at = T0.plusSeconds(60L * minute);
            if (random.nextInt(10) == 0) {
                tryEarlier(p);
            }
            List<Task> pending = p.pendingTasks();
            assertFalse(pending.isEmpty(), "an open process with nothing to decide: " + p.steps());
            Task task = pending.get(random.nextInt(pending.size()));
            List<Step> targets = p.returnTargets(task.id());
            int roll = random.nextInt(100);
            ApprovalProcess next;
            Optional<Step> returnedTo = Optional.empty();
            if (roll < 3) {
                next = p.cancel(INITIATOR, "withdrawn", at);
            } else if (roll < 8) {
                next = p.apply(task.id(), Decision.reject(task.assignee(), "no", at));
            } else if (roll < 25 && returns < MAX_RETURNS && !targets.isEmpty()) {
                Step target = targets.get(random.nextInt(targets.size()));
                returnedTo = Optional.of(target);
                returns++;
                next = p.apply(task.id(), Decision.returnTo(target.id(), task.assignee(), "fix it", at));
            } else {
                next = p.apply(task.id(), Decision.approve(task.assignee(), null, at));
            }
            checkTransition(p, next, at, returnedTo, activations);
            checkState(next);
            p = next;
        }
        checkEnded(p);
    }

    /** A decision dated before the last change (or before the start) is refused and changes nothing. */
    private static void tryEarlier(ApprovalProcess p) {
        Task task = p.pendingTasks().get(0);
        Instant last = p.lastChangedAt();
        Instant early = last.isAfter(p.createdAt()) ? last.minusSeconds(1) : p.createdAt().minusSeconds(86_400);
        ApprovalProcess snapshot = p.toBuilder().build();
        assertThrows(DecisionTimeException.class,
                () -> p.apply(task.id(), Decision.approve(task.assignee(), null, early)));
        assertThrows(DecisionTimeException.class, () -> p.cancel(INITIATOR, "withdrawn", early));
        assertEquals(snapshot, p);
    }

    private static void checkTransition(ApprovalProcess before, ApprovalProcess after, Instant at,
                                        Optional<Step> returnedTo, Map<StepId, Integer> activations) {
        // time never goes backwards
        assertEquals(Optional.of(at), after.updatedAt());
        assertFalse(at.isBefore(before.lastChangedAt()), "applied at " + at + " after a change at "
                + before.lastChangedAt());
        // an approved step is only set back by a return to it or to an earlier stage
        for (Step was : before.steps()) {
            Step now = after.step(was.id()).orElseThrow();
            if (was.state() == StepState.APPROVED && now.state() != StepState.APPROVED) {
                assertTrue(returnedTo.isPresent(), "step '" + was.name() + "' left APPROVED without a return");
                Step target = returnedTo.get();
                assertTrue(was.id().equals(target.id()) || stage(after, was) > stage(after, target),
                        "a return to '" + target.name() + "' set back '" + was.name() + "'");
            }
        }
        // a step runs once per round: again only after a return sent the flow back to or before it
        returnedTo.ifPresent(target -> after.steps().stream()
                .filter(s -> s.id().equals(target.id()) || stage(after, s) > stage(after, target))
                .forEach(s -> activations.remove(s.id())));
        countActivations(before, after, activations);
        // the process ends exactly once
        if (!before.isOpen()) {
            fail("a closed process changed");
        }
        long ends = after.stateChanges().stream()
                .filter(e -> e.kind() == TimelineEntry.Kind.PROCESS_STATE_CHANGED).count();
        assertEquals(after.isOpen() ? 0 : 1, ends, "process ends recorded");
        assertEquals(after.isOpen() ? Optional.empty() : Optional.of(at), after.endedAt());
    }

    private static void countActivations(ApprovalProcess before, ApprovalProcess after,
                                         Map<StepId, Integer> activations) {
        for (Step now : after.steps()) {
            boolean wasRunning = before != null
                    && before.step(now.id()).orElseThrow().state() == StepState.IN_PROGRESS;
            if (now.state() == StepState.IN_PROGRESS && !wasRunning) {
                int times = activations.merge(now.id(), 1, Integer::sum);
                assertEquals(1, times, "step '" + now.name() + "' started again in the same round");
            }
        }
    }

    private static void checkState(ApprovalProcess p) {
        List<Step> running = p.currentSteps();
        if (!p.isOpen()) {
            assertEquals(List.of(), p.pendingTasks(), "open task on a " + p.state() + " process");
            assertTrue(p.steps().stream().flatMap(s -> s.tasks().stream()).noneMatch(Task::isOpen),
                    "waiting task on a closed process");
            assertEquals(List.of(), running, "step running on a closed process");
        } else {
            assertFalse(running.isEmpty(), "an open process with no running step");
        }
        // a later stage never runs before every step of the earlier stages finished
        for (Step r : running) {
            for (Step s : p.steps()) {
                if (stage(p, s) < stage(p, r)) {
                    assertEquals(StepState.APPROVED, s.state(), "'" + r.name() + "' runs while '" + s.name()
                            + "' of an earlier stage is " + s.state());
                }
            }
        }
        assertTrue(running.stream().map(s -> stage(p, s)).distinct().count() <= 1, "two stages run at once");
        for (Step s : p.steps()) {
            boolean hasOpenTask = s.tasks().stream().anyMatch(Task::isOpen);
            assertEquals(s.state() == StepState.IN_PROGRESS, hasOpenTask,
                    "step '" + s.name() + "' is " + s.state() + " with tasks " + s.tasks());
        }
        if (p.state() == ProcessState.APPROVED) {
            assertTrue(p.steps().stream().allMatch(s -> s.state() == StepState.APPROVED), "approved with " + p.steps());
        }
        List<TimelineEntry> timeline = p.timeline();
        for (int i = 1; i < timeline.size(); i++) {
            assertFalse(timeline.get(i).time().orElseThrow().isBefore(timeline.get(i - 1).time().orElseThrow()),
                    "timeline out of order at " + i);
        }
        assertEquals(TimelineEntry.Kind.PROCESS_STARTED, timeline.get(0).kind());
        Set<TaskId> ids = new HashSet<>();
        p.steps().forEach(s -> s.tasks().forEach(t -> assertTrue(ids.add(t.id()), "task id " + t.id() + " twice")));
    }

    private static void checkEnded(ApprovalProcess p) {
        assertFalse(p.isOpen());
        TimelineEntry last = p.timeline().get(p.timeline().size() - 1);
        assertEquals(TimelineEntry.Kind.PROCESS_STATE_CHANGED, last.kind());
        assertThrows(ProcessNotOpenException.class, () -> p.cancel(INITIATOR, "again", p.endedAt().orElseThrow()));
    }

    private static int stage(ApprovalProcess p, Step s) {
        return p.stageOf(s.id()).orElseThrow();
    }

    private static List<StepPlan> randomPlan(Random random) {
        List<StepPlan> plan = new ArrayList<>();
        int stages = 1 + random.nextInt(4);
        for (int stage = 1; stage <= stages; stage++) {
            int parallel = 1 + random.nextInt(3);
            for (int i = 1; i <= parallel; i++) {
                ApprovalMode mode = MODES[random.nextInt(MODES.length)];
                int count = mode == ApprovalMode.SINGLE ? 1 : 1 + random.nextInt(3);
                List<UserRef> people = new ArrayList<>(PEOPLE);
                List<UserRef> assignees = new ArrayList<>();
                for (int k = 0; k < count; k++) {
                    assignees.add(people.remove(random.nextInt(people.size())));
                }
                StepKind kind = random.nextInt(10) == 0 ? StepKind.NOTIFY : StepKind.APPROVAL;
                plan.add(new StepPlan("S" + stage + "." + i, kind, mode, assignees, stage));
            }
        }
        return plan;
    }

    private static String describe(List<StepPlan> plan) {
        return plan.stream().map(s -> s.stage() + ":" + s.name() + "/" + s.kind() + "/" + s.mode() + s.assignees())
                .toList().toString();
    }
}
