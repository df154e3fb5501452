package org.openapproval.core.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Aggregate root: one run of an approval flow on one business record.
 *
 * <p>Immutable. {@link #decide} checks a decision against the process as read, before anything is
 * sent to a vendor. {@link #apply} and {@link #cancel} return the process as it is afterwards; the
 * in-memory provider is built on them, while vendor adapters read the vendor's state back instead.
 *
 * <p>Steps run in stages ({@link Step#stage()}): the steps of one stage side by side, the stages one after
 * another. A stage starts only when every step of the stage before it has finished (the join); a rejection
 * closes every running branch; a return re-opens its target and cancels whatever runs after it; an approved
 * step runs again only when a return sends the flow back to it or before it.
 *
 * <p>Time only moves forward: {@link #apply} and {@link #cancel} refuse a time before the process started
 * or before its last change.
 */
public final class ApprovalProcess {
    private final ProcessId id;
    private final String providerId;
    private final DefinitionRef definition;
    private final RecordRef record;
    private final ProcessState state;
    private final String vendorStatus;
    private final TriggerKind trigger;
    private final Optional<UserRef> initiator;
    private final Instant createdAt;
    private final Optional<Instant> updatedAt;
    private final Optional<Instant> endedAt;
    private final List<Step> steps;
    private final Map<String, String> attributes;
    private final List<TimelineEntry> stateChanges;
    /** Each step's stage number, steps without one ({@link Step#OWN_STAGE}) numbered by position. */
    private final Map<StepId, Integer> stageNumbers;

    private ApprovalProcess(Builder b) {
        this.id = Objects.requireNonNull(b.id, "process id");
        this.providerId = Identifiers.requireSegment(b.providerId, "provider id");
        this.definition = Objects.requireNonNull(b.definition, "definition");
        this.record = Objects.requireNonNull(b.record, "record");
        this.state = Objects.requireNonNull(b.state, "state");
        this.vendorStatus = Objects.requireNonNull(b.vendorStatus, "vendorStatus");
        this.trigger = Objects.requireNonNull(b.trigger, "trigger");
        this.initiator = Objects.requireNonNull(b.initiator, "initiator");
        this.createdAt = Objects.requireNonNull(b.createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(b.updatedAt, "updatedAt");
        this.endedAt = Objects.requireNonNull(b.endedAt, "endedAt");
        this.steps = List.copyOf(b.steps);
        this.attributes = Collections2.unmodifiableOrdered(b.attributes);
        this.stateChanges = List.copyOf(b.stateChanges);
        this.stageNumbers = numberStages(steps);
        Set<StepId> stepIds = new HashSet<>();
        Set<TaskId> taskIds = new HashSet<>();
        for (Step s : steps) {
            if (!s.id().process().equals(id)) {
                throw new IllegalArgumentException("step " + s.id() + " does not belong to process " + id);
            }
            if (!stepIds.add(s.id())) {
                throw new IllegalArgumentException("process " + id + " lists step " + s.id() + " twice");
            }
            for (Task t : s.tasks()) {
                if (!taskIds.add(t.id())) {
                    throw new IllegalArgumentException("process " + id + " lists task " + t.id() + " twice");
                }
            }
        }
    }

    /**
     * Numbers every step's stage: a step without a number ({@link Step#OWN_STAGE}) runs alone after the step
     * before it. Steps must be listed stage by stage, so a parallel branch is never listed after a later
     * stage. The steps themselves stay as given, so a process read from a vendor keeps its steps as mapped.
     */
    private static Map<StepId, Integer> numberStages(List<Step> steps) {
        Map<StepId, Integer> numbers = new LinkedHashMap<>();
        int previous = 0;
        for (Step s : steps) {
            int stage = s.stage() == Step.OWN_STAGE ? previous + 1 : s.stage();
            if (stage < previous) {
                throw new IllegalArgumentException("step '" + s.name() + "' of stage " + stage
                        + " is listed after a step of stage " + previous + "; steps are listed stage by stage");
            }
            numbers.put(s.id(), stage);
            previous = stage;
        }
        return Map.copyOf(numbers);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Opens a new process from a plan: every step waits, then the first stage is reached (all of its steps
     * at once; steps that need nobody pass by themselves). Used where this library itself hosts the flow
     * (the in-memory provider) and by domain tests.
     */
    public static ApprovalProcess open(ProcessId id, String providerId, DefinitionRef definition, RecordRef record,
                                       UserRef initiator, TriggerKind trigger, Instant at, List<StepPlan> plan) {
        Objects.requireNonNull(plan, "plan");
        if (plan.isEmpty()) {
            throw new IllegalArgumentException("a process needs at least one step");
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            StepPlan p = plan.get(i);
            steps.add(new Step(StepId.of(id, String.valueOf(i + 1)), p.name(), p.kind(), p.mode(), StepState.WAITING,
                    StepState.WAITING.name(), p.assignees(), List.of(), p.stage()));
        }
        // a process opened here numbers every stage, so its steps say where they run
        Map<StepId, Integer> numbers = numberStages(steps);
        for (int i = 0; i < steps.size(); i++) {
            steps.set(i, steps.get(i).inStage(numbers.get(steps.get(i).id())));
        }
        Builder b = builder().id(id).providerId(providerId).definition(definition).record(record)
                .state(ProcessState.IN_PROGRESS).vendorStatus(ProcessState.IN_PROGRESS.name()).trigger(trigger)
                .initiator(initiator).createdAt(at).steps(steps);
        Transition t = new Transition(b.build(), at);
        t.start(Optional.of(initiator));
        return t.result();
    }

    // ---------------------------------------------------------------- reading

    public ProcessId id() {
        return id;
    }

    public String providerId() {
        return providerId;
    }

    public DefinitionRef definition() {
        return definition;
    }

    public RecordRef record() {
        return record;
    }

    public ProcessState state() {
        return state;
    }

    /** The vendor's own status value, exactly as received (kept even when {@link #state()} is UNKNOWN). */
    public String vendorStatus() {
        return vendorStatus;
    }

    public TriggerKind trigger() {
        return trigger;
    }

    public Optional<UserRef> initiator() {
        return initiator;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> updatedAt() {
        return updatedAt;
    }

    public Optional<Instant> endedAt() {
        return endedAt;
    }

    public List<Step> steps() {
        return steps;
    }

    /** Vendor fields the neutral model has no place for, by the vendor's field name. */
    public Map<String, String> attributes() {
        return attributes;
    }

    public boolean isOpen() {
        return state.isOpen();
    }

    /** State changes recorded as they happened (by this library or read from a vendor log); see {@link #timeline()}. */
    public List<TimelineEntry> stateChanges() {
        return stateChanges;
    }

    public Optional<Step> step(StepId stepId) {
        return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
    }

    public Optional<Task> task(TaskId taskId) {
        return stepOf(taskId).flatMap(s -> s.task(taskId));
    }

    public Optional<Step> stepOf(TaskId taskId) {
        return steps.stream().filter(s -> s.task(taskId).isPresent()).findFirst();
    }

    /** The steps grouped by stage, stages in order, each stage's steps in the order listed. */
    public List<List<Step>> stages() {
        Map<Integer, List<Step>> byStage = new LinkedHashMap<>();
        steps.forEach(s -> byStage.computeIfAbsent(stageOf(s), k -> new ArrayList<>()).add(s));
        return byStage.values().stream().map(List::copyOf).toList();
    }

    /**
     * The stage a step of this process runs in: its own {@link Step#stage()} when numbered, otherwise the
     * number its position gives it (one after the step before it). Empty for a step of another process.
     */
    public Optional<Integer> stageOf(StepId stepId) {
        return Optional.ofNullable(stageNumbers.get(stepId));
    }

    int stageOf(Step step) {
        return stageOf(step.id()).orElseThrow(() -> new IllegalArgumentException(
                "step " + step.id() + " is not part of process " + id));
    }

    /** The step(s) currently awaiting decisions, in flow order (several when parallel branches run). */
    public List<Step> currentSteps() {
        return steps.stream().filter(s -> s.state() == StepState.IN_PROGRESS).toList();
    }

    public List<Task> pendingTasks() {
        return steps.stream().flatMap(s -> s.pendingTasks().stream()).toList();
    }

    // ---------------------------------------------------------------- rules

    /**
     * Checks a decision before it is sent: process open, task of this process and pending, actor an
     * assignee, comment present where the policy requires one, return target a reached earlier step.
     *
     * @throws DomainRuleException naming the rule that failed
     */
    public ValidatedDecision decide(TaskId taskId, Decision decision, DecisionPolicy policy) {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(policy, "policy");
        requireOpen("take a decision");
        Step step = stepOf(taskId).orElseThrow(() -> new UnknownTaskException(
                "task " + taskId + " is not a task of process " + id, context()));
        Task task = step.task(taskId).orElseThrow();
        if (!task.isPending()) {
            throw new TaskNotPendingException("task " + taskId + " of step '" + step.name() + "' is " + task.state()
                    + " (vendor status '" + task.vendorStatus() + "'), not PENDING; it takes no decision", context());
        }
        if (!task.assignee().isSamePersonAs(decision.actor())) {
            throw new ActorNotAllowedException("user " + decision.actor().id() + " may not decide task " + taskId
                    + ": it is assigned to " + task.assignee().id(), context());
        }
        if (policy.requiresComment(decision.verdict()) && decision.comment().isEmpty()) {
            throw new CommentRequiredException("provider " + providerId + " requires a comment to "
                    + decision.verdict().name().toLowerCase(java.util.Locale.ROOT) + " task " + taskId, context());
        }
        Optional<Step> target = Optional.empty();
        if (decision.verdict() == Verdict.RETURN) {
            StepId targetId = decision.returnTo().orElseThrow();
            List<Step> valid = returnTargets(taskId);
            target = valid.stream().filter(s -> s.id().equals(targetId)).findFirst();
            if (target.isEmpty()) {
                String names = valid.isEmpty() ? "none" : valid.stream()
                        .map(s -> s.id() + " ('" + s.name() + "')").collect(Collectors.joining(", "));
                throw new InvalidReturnTargetException("task " + taskId + " cannot be returned to " + targetId
                        + ": a return goes to an earlier step already passed; valid targets: " + names, context());
            }
        }
        return new ValidatedDecision(this, step, task, decision, target);
    }

    /**
     * The already approved steps of earlier stages a task's step may be sent back to, in flow order. A
     * parallel branch of the same stage is no target. Steps nobody is assigned to passed by themselves and
     * cannot take the flow back.
     */
    public List<Step> returnTargets(TaskId taskId) {
        Step step = stepOf(taskId).orElseThrow(() -> new UnknownTaskException(
                "task " + taskId + " is not a task of process " + id, context()));
        return steps.stream()
                .filter(s -> stageOf(s) < stageOf(step))
                .filter(s -> s.kind().isReturnable() && s.state() == StepState.APPROVED && !s.assignees().isEmpty())
                .toList();
    }

    /** Checks that the process may be cancelled (it must still be in progress). */
    public void checkCancellable() {
        requireOpen("be cancelled");
    }

    /**
     * Checks that the process may be cancelled, and by this actor under the provider's policy.
     *
     * @throws ActorNotAllowedException if the policy keeps cancelling to someone else (the initiator)
     */
    public void checkCancellable(UserRef actor, DecisionPolicy policy) {
        checkCancellable();
        if (!policy.mayCancel(this, actor)) {
            throw new ActorNotAllowedException(actor.id() + " may not cancel process " + id + ": only its initiator "
                    + initiator.map(UserRef::id).orElse("?") + " may withdraw it at provider " + providerId, context());
        }
    }

    // ---------------------------------------------------------------- transitions

    /**
     * Applies a decision and returns the process afterwards. SINGLE and ANY_OF steps complete on the
     * first approval, ALL_OF when every task approved, SEQUENTIAL one assignee after another; the next
     * stage starts once every step of this one is approved; a rejection rejects the process and closes
     * every running branch; a return re-opens the target step (same id and name, fresh tasks), cancels the
     * steps running after it and sets the approved ones after it waiting again.
     *
     * @throws DecisionTimeException if the decision has no time, or one before the process started or
     *                               before its last change
     */
    public ApprovalProcess apply(TaskId taskId, Decision decision) {
        ValidatedDecision checked = decide(taskId, decision, DecisionPolicy.commentsOptional());
        Instant at = decision.time().orElseThrow(() -> new DecisionTimeException("the " + decision.verdict()
                + " decision by " + decision.actor() + " on task " + taskId + " has no time; a decision applied "
                + "to process " + id + " needs one", context()));
        requireNotEarlier(at, decision.verdict().name().toLowerCase(java.util.Locale.ROOT) + " task " + taskId);
        Transition t = new Transition(this, at);
        switch (decision.verdict()) {
            case APPROVE -> t.approve(checked);
            case REJECT -> t.reject(checked);
            case RETURN -> t.returnTo(checked);
        }
        return t.result();
    }

    /**
     * Cancels the process: open tasks close, the process ends CANCELLED.
     *
     * @throws DecisionTimeException if {@code at} is before the process started or before its last change
     */
    public ApprovalProcess cancel(UserRef actor, String reason, Instant at) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
        Identifiers.requireText(reason, "cancel reason", Identifiers.MAX_TEXT_LENGTH, true);
        checkCancellable();
        requireNotEarlier(at, "cancel it");
        Transition t = new Transition(this, at);
        t.cancel(actor, reason);
        return t.result();
    }

    /**
     * When the process last changed: its latest update, or its start when nothing changed since (or a vendor
     * gives no update time). {@link #apply} and {@link #cancel} accept nothing earlier.
     */
    public Instant lastChangedAt() {
        return updatedAt.filter(u -> u.isAfter(createdAt)).orElse(createdAt);
    }

    /**
     * Decisions and state changes in time order. Ties keep the order they happened in: changes this
     * library recorded are kept in sequence, and decisions known only from the tasks (as read from a
     * vendor) are placed before the recorded changes of the same instant.
     *
     * <p>An entry without a time (a vendor decision reported without one) is not guessed into the order by
     * time: it goes right after the entries of its own step that have a time (after earlier untimed entries
     * of that step, so their order is kept). If its step has no timed entry, it goes after the entries of
     * the steps listed before it (or right after the start); an untimed entry of no step goes last.
     */
    public List<TimelineEntry> timeline() {
        List<TimelineEntry> entries = new ArrayList<>();
        entries.add(new TimelineEntry(createdAt, TimelineEntry.Kind.PROCESS_STARTED,
                "process started" + initiator.map(u -> " by " + u).orElse("") + " on " + record,
                initiator, Optional.empty()));
        for (Step s : steps) {
            for (Task t : s.tasks()) {
                t.decision().map(d -> decisionEntry(d, s)).filter(e -> !stateChanges.contains(e))
                        .ifPresent(entries::add);
            }
        }
        entries.addAll(stateChanges);
        boolean endRecorded = stateChanges.stream()
                .anyMatch(e -> e.kind() == TimelineEntry.Kind.PROCESS_STATE_CHANGED);
        if (!endRecorded && endedAt.isPresent()) {
            entries.add(new TimelineEntry(endedAt.get(), TimelineEntry.Kind.PROCESS_STATE_CHANGED,
                    "process " + state, Optional.empty(), Optional.empty()));
        }
        List<TimelineEntry> sorted = new ArrayList<>(entries.stream().filter(e -> e.time().isPresent()).toList());
        sorted.sort(Comparator.comparing(e -> e.time().orElseThrow())); // List.sort is stable
        for (TimelineEntry untimed : entries.stream().filter(e -> e.time().isEmpty()).toList()) {
            sorted.add(placeOfUntimed(sorted, untimed), untimed);
        }
        return List.copyOf(sorted);
    }

    private int placeOfUntimed(List<TimelineEntry> placed, TimelineEntry untimed) {
        if (untimed.step().isEmpty()) {
            return placed.size();
        }
        StepId own = untimed.step().get();
        for (int i = placed.size() - 1; i >= 0; i--) {
            if (placed.get(i).step().filter(own::equals).isPresent()) {
                return i + 1;
            }
        }
        Set<StepId> listedBefore = new HashSet<>();
        for (Step s : steps) {
            if (s.id().equals(own)) {
                break;
            }
            listedBefore.add(s.id());
        }
        for (int i = placed.size() - 1; i >= 0; i--) {
            if (placed.get(i).step().filter(listedBefore::contains).isPresent()) {
                return i + 1;
            }
        }
        return Math.min(1, placed.size()); // right after "process started"
    }

    static TimelineEntry decisionEntry(Decision d, Step s) { // "returned to" is the re-opened step's own entry
        String verb = switch (d.verdict()) {
            case APPROVE -> "approved";
            case REJECT -> "rejected";
            case RETURN -> "returned";
        };
        String text = d.actor() + " " + verb + " at step '" + s.name() + "'" + d.comment().map(c -> ": " + c).orElse("");
        return new TimelineEntry(d.time(), TimelineEntry.Kind.DECISION, text, Optional.of(d.actor()),
                Optional.of(s.id()));
    }

    /** History only moves forward: nothing is dated before the start or before the last change. */
    private void requireNotEarlier(Instant at, String what) {
        if (at.isBefore(createdAt)) {
            throw new DecisionTimeException("cannot " + what + " at " + at + ": process " + id + " only started at "
                    + createdAt, context());
        }
        Instant last = lastChangedAt();
        if (at.isBefore(last)) {
            throw new DecisionTimeException("cannot " + what + " at " + at + ": process " + id + " last changed at "
                    + last + ", and its history only moves forward in time", context());
        }
    }

    private void requireOpen(String what) {
        if (state == ProcessState.UNKNOWN) {
            throw new ProcessNotOpenException("process " + id + " is in a state this library does not know (vendor "
                    + "status '" + vendorStatus + "'), so it cannot " + what + " safely", context());
        }
        if (!state.isOpen()) {
            throw new ProcessNotOpenException("process " + id + " is " + state + " (vendor status '" + vendorStatus
                    + "') and cannot " + what + " any more", context());
        }
    }

    private ErrorContext context() {
        return ErrorContext.provider(providerId);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ApprovalProcess p)) {
            return false;
        }
        return id.equals(p.id) && providerId.equals(p.providerId) && definition.equals(p.definition)
                && record.equals(p.record) && state == p.state && vendorStatus.equals(p.vendorStatus)
                && trigger == p.trigger && initiator.equals(p.initiator) && createdAt.equals(p.createdAt)
                && updatedAt.equals(p.updatedAt) && endedAt.equals(p.endedAt) && steps.equals(p.steps)
                && attributes.equals(p.attributes) && stateChanges.equals(p.stateChanges);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, providerId, state, vendorStatus, steps);
    }

    @Override
    public String toString() {
        return "ApprovalProcess[" + id + ", " + providerId + ", " + definition + ", " + record + ", " + state
                + " (" + vendorStatus + "), " + steps.size() + " steps]";
    }

    // ---------------------------------------------------------------- builder

    /** Builds a process as read from a vendor. Required: id, provider id, definition, record, state, createdAt. */
    public static final class Builder {
        private ProcessId id;
        private String providerId;
        private DefinitionRef definition;
        private RecordRef record;
        private ProcessState state;
        private String vendorStatus;
        private boolean vendorStatusSet;
        private TriggerKind trigger = TriggerKind.UNKNOWN;
        private Optional<UserRef> initiator = Optional.empty();
        private Instant createdAt;
        private Optional<Instant> updatedAt = Optional.empty();
        private Optional<Instant> endedAt = Optional.empty();
        private List<Step> steps = List.of();
        private Map<String, String> attributes = new LinkedHashMap<>();
        private List<TimelineEntry> stateChanges = List.of();

        private Builder() {
        }

        private Builder(ApprovalProcess p) {
            id = p.id;
            providerId = p.providerId;
            definition = p.definition;
            record = p.record;
            state = p.state;
            vendorStatus = p.vendorStatus;
            trigger = p.trigger;
            initiator = p.initiator;
            createdAt = p.createdAt;
            updatedAt = p.updatedAt;
            endedAt = p.endedAt;
            steps = p.steps;
            attributes = new LinkedHashMap<>(p.attributes);
            stateChanges = p.stateChanges;
        }

        public Builder id(ProcessId v) {
            id = v;
            return this;
        }

        public Builder providerId(String v) {
            providerId = v;
            return this;
        }

        public Builder definition(DefinitionRef v) {
            definition = v;
            return this;
        }

        public Builder record(RecordRef v) {
            record = v;
            return this;
        }

        /**
         * The mapped state. Unless {@link #vendorStatus} is set explicitly, a new state also replaces the raw
         * vendor status with the state's name, so a changed state never keeps a stale vendor value.
         */
        public Builder state(ProcessState v) {
            if (v != null && v != state && !vendorStatusSet) {
                vendorStatus = v.name();
            }
            state = v;
            return this;
        }

        public Builder vendorStatus(String v) {
            vendorStatus = v;
            vendorStatusSet = true;
            return this;
        }

        public Builder trigger(TriggerKind v) {
            trigger = v;
            return this;
        }

        public Builder initiator(UserRef v) {
            initiator = Optional.ofNullable(v);
            return this;
        }

        public Builder createdAt(Instant v) {
            createdAt = v;
            return this;
        }

        public Builder updatedAt(Instant v) {
            updatedAt = Optional.ofNullable(v);
            return this;
        }

        public Builder endedAt(Instant v) {
            endedAt = Optional.ofNullable(v);
            return this;
        }

        public Builder steps(List<Step> v) {
            steps = List.copyOf(v);
            return this;
        }

        public Builder attributes(Map<String, String> v) {
            attributes = new LinkedHashMap<>(v);
            return this;
        }

        public Builder attribute(String name, String value) {
            attributes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder stateChanges(List<TimelineEntry> v) {
            stateChanges = List.copyOf(v);
            return this;
        }

        public ApprovalProcess build() {
            return new ApprovalProcess(this);
        }
    }

    /** Small helpers kept private to the aggregate. */
    private static final class Collections2 {
        static Map<String, String> unmodifiableOrdered(Map<String, String> in) {
            return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(in));
        }
    }
}
