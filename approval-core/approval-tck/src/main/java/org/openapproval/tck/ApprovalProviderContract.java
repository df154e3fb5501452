package org.openapproval.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openapproval.core.Approvals;
import org.openapproval.core.domain.ActorNotAllowedException;
import org.openapproval.core.domain.ApprovalDefinition;
import org.openapproval.core.domain.ApprovalException;
import org.openapproval.core.domain.ApprovalMode;
import org.openapproval.core.domain.ApprovalProcess;
import org.openapproval.core.domain.AuthenticationException;
import org.openapproval.core.domain.CommentRequiredException;
import org.openapproval.core.domain.InputParameter;
import org.openapproval.core.domain.InvalidRequestException;
import org.openapproval.core.domain.InvalidReturnTargetException;
import org.openapproval.core.domain.ProcessId;
import org.openapproval.core.domain.ProcessNotOpenException;
import org.openapproval.core.domain.ProcessState;
import org.openapproval.core.domain.RecordRef;
import org.openapproval.core.domain.Step;
import org.openapproval.core.domain.StepId;
import org.openapproval.core.domain.StepKind;
import org.openapproval.core.domain.PendingTask;
import org.openapproval.core.domain.StepPlan;
import org.openapproval.core.domain.Task;
import org.openapproval.core.domain.TaskId;
import org.openapproval.core.domain.TaskNotPendingException;
import org.openapproval.core.domain.TaskState;
import org.openapproval.core.domain.UserRef;
import org.openapproval.core.domain.Verdict;
import org.openapproval.core.domain.VendorUnavailableException;
import org.openapproval.core.port.in.ApprovalService;
import org.openapproval.core.port.in.ApproveCommand;
import org.openapproval.core.port.in.CancelCommand;
import org.openapproval.core.port.in.ProcessQuery;
import org.openapproval.core.port.in.RejectCommand;
import org.openapproval.core.port.in.ReturnCommand;
import org.openapproval.core.port.in.StartCommand;
import org.openapproval.core.port.in.StartReceipt;
import org.openapproval.core.port.in.WriteReceipt;
import org.openapproval.core.spi.ApprovalProvider;
import org.openapproval.core.port.in.Capability;
import org.openapproval.core.spi.ConfigKey;
import org.openapproval.sandbox.kit.DefinitionSeed;
import org.openapproval.sandbox.kit.Fault;
import org.openapproval.sandbox.kit.ProcessSeed;
import org.openapproval.core.spi.ProviderConfig;
import org.openapproval.core.spi.ProviderConfigurationException;
import org.openapproval.core.spi.ProviderDescriptor;
import org.openapproval.core.bootstrap.ProviderRegistry;
import org.openapproval.sandbox.kit.ProviderSandbox;
import org.openapproval.sandbox.kit.SeededProcess;
import org.openapproval.sandbox.kit.UnrepresentableSeedException;
import org.openapproval.core.port.in.UnsupportedCapabilityException;

/**
 * The provider contract (TCK). A provider proves itself by subclassing this in a few lines:
 *
 * <pre>{@code
 * class FxiaokeProviderContractTest extends ApprovalProviderContract {
 *     protected ProviderSandbox startSandbox(Clock clock) { return new FxiaokeSandboxProvider().start(clock); }
 * }
 * }</pre>
 *
 * State is seeded through a {@link ProviderSandbox} (a wire-level vendor simulator, or any in-process
 * fake that implements the interface), so the same tests run on the in-memory provider and on every
 * vendor adapter. The provider under test is {@link ProviderSandbox#provider()} unless {@link #provider()}
 * is overridden. Tests of a capability the configured provider does not declare are skipped, with the
 * reason; for those, the contract checks the right exception instead.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ApprovalProviderContract {
    protected static final UserRef ALICE = UserRef.of("alice");
    protected static final UserRef BOB = UserRef.of("bob");
    protected static final UserRef CAROL = UserRef.of("carol");
    protected static final UserRef DAVE = UserRef.of("dave");
    protected static final UserRef ERIN = UserRef.of("erin");
    /** Assignee of the paging tests only, so other tests' tasks never mix into her inbox. */
    protected static final UserRef PAULA = UserRef.of("paula");
    /** The page size the paging tests ask the sandbox for: small, so a few items span several pages. */
    protected static final int SMALL_PAGE = 2;

    private ProviderSandbox sandbox;
    private ApprovalService service;

    /** Starts the sandbox the contract seeds state through and connects the provider to. */
    protected abstract ProviderSandbox startSandbox(Clock clock);

    /** The provider under test; by default the sandbox's {@link ProviderSandbox#provider()}. */
    protected ApprovalProvider provider() {
        return sandbox.provider();
    }

    /** Config added to the sandbox's connection config (e.g. to leave optional credentials out). */
    protected Map<String, String> extraConfig() {
        return Map.of();
    }

    /** Connection-config keys to drop (e.g. organization credentials, to test the reduced capability set). */
    protected List<String> omittedConfigKeys() {
        return List.of();
    }

    /** The clock shared by sandbox and service. */
    protected Clock clock() {
        return Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
    }

    /** Whether the provider recovers from expired credentials by itself (token refresh). */
    protected boolean refreshesCredentials() {
        return true;
    }

    /** An id in the provider's own format that names no process; by default the seeded id with its last segment changed. */
    protected ProcessId unknownProcessId(SeededProcess seeded) {
        List<String> segments = new ArrayList<>(seeded.process().segments());
        segments.set(segments.size() - 1, "0000000000000000deadbeef");
        return new ProcessId(segments);
    }

    protected final ApprovalService service() {
        return service;
    }

    protected final ProviderSandbox sandbox() {
        return sandbox;
    }

    @BeforeAll
    void startSandboxAndConnect() {
        sandbox = startSandbox(clock());
        ApprovalProvider provider = provider();
        assertEquals(sandbox.providerId(), provider.descriptor().id(),
                "the sandbox must simulate the vendor of the provider under test");
        service = Approvals.connect(provider, ProviderConfig.of(provider.descriptor(), connectionConfig()), clock());
    }

    @AfterAll
    void stopSandbox() {
        if (service != null) {
            service.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @BeforeEach
    void clearFaults() {
        sandbox.clearFaults();
    }

    private Map<String, String> connectionConfig() {
        Map<String, String> config = new LinkedHashMap<>(sandbox.connectionConfig());
        omittedConfigKeys().forEach(config::remove);
        config.putAll(extraConfig());
        return config;
    }

    // =================================================================== fixtures

    private int seeded;

    /** A record with an open process: first step (SINGLE) bob, second step (SINGLE) carol. */
    protected SeededProcess seedTwoSteps() {
        return seed(StepPlan.approval("Manager review", ApprovalMode.SINGLE, BOB),
                StepPlan.approval("Finance review", ApprovalMode.SINGLE, CAROL));
    }

    protected SeededProcess seed(StepPlan... steps) {
        seeded++;
        return sandbox.seedProcess(new ProcessSeed("TCK contract review", "TCK record " + seeded, ALICE,
                List.of(steps)));
    }

    /** Reads a seeded process back; tests that need this are skipped for providers that cannot read. */
    protected ApprovalProcess read(SeededProcess p) {
        assumeCapable(Capability.READ_PROCESSES);
        return service.process(p.process()).orElseThrow(() -> new AssertionError("seeded process " + p.process()
                + " cannot be read back"));
    }

    protected Task pendingTaskOf(ApprovalProcess p, UserRef user) {
        return pendingTaskOf(p, user, "a step that has been reached gives each of its assignees a pending task");
    }

    /** The user's pending task in the process; fails stating {@code rule} when there is none. */
    protected Task pendingTaskOf(ApprovalProcess p, UserRef user, String rule) {
        return p.pendingTasks().stream().filter(t -> t.assignee().isSamePersonAs(user)).findFirst()
                .orElseThrow(() -> new AssertionError(rule + "; but " + user + " has no pending task in process "
                        + p.id() + ": " + describe(p)));
    }

    /** Fails stating {@code rule} when the user has a pending task in the process. */
    protected void assertNoPendingTaskFor(ApprovalProcess p, UserRef user, String rule) {
        List<Task> tasks = p.pendingTasks().stream().filter(t -> t.assignee().isSamePersonAs(user)).toList();
        assertTrue(tasks.isEmpty(), () -> rule + "; but " + user + " has pending task(s) " + tasks + " in process "
                + p.id() + ": " + describe(p));
    }

    /**
     * Seeds a process, or skips the test when the sandbox cannot represent the flow (its vendor lacks the mode,
     * the kind of step or parallel steps), with the sandbox's reason.
     */
    protected SeededProcess seedOrSkip(StepPlan... steps) {
        try {
            return seed(steps);
        } catch (UnrepresentableSeedException e) {
            Assumptions.abort(sandbox.providerId() + "'s sandbox cannot seed this flow: " + e.getMessage());
            throw new IllegalStateException("unreachable", e);
        }
    }

    /** Approves a pending task as its assignee. */
    protected void approve(ApprovalProcess p, UserRef user) {
        service.approve(ApproveCommand.of(pendingTaskOf(p, user).id(), user, comment()));
    }

    /** Submit, then Legal and Finance side by side (stage 2), then Sign once both are done (the join). */
    protected SeededProcess seedParallelBranches() {
        return seedOrSkip(StepPlan.approval("Submit", ApprovalMode.SINGLE, BOB),
                StepPlan.approval("Legal", ApprovalMode.SINGLE, CAROL).inStage(2),
                StepPlan.approval("Finance", ApprovalMode.SINGLE, DAVE).inStage(2),
                StepPlan.approval("Sign", ApprovalMode.SINGLE, ERIN).inStage(3));
    }

    protected String comment() {
        return "checked by the TCK";
    }

    protected final void assumeCapable(Capability c) {
        assumeTrue(service.capabilities().contains(c), () -> service.providerId() + " does not declare " + c);
    }

    // =================================================================== discovery and metadata

    @Test
    void providerIsDiscoveredByServiceLoaderUnderItsId() {
        String id = provider().descriptor().id();
        ApprovalProvider found = ProviderRegistry.load().provider(id);
        assertEquals(provider().getClass(), found.getClass(),
                "the provider must be registered in META-INF/services/org.openapproval.core.spi.ApprovalProvider"
                        + " under its descriptor id");
        assertTrue(Approvals.providers().stream().anyMatch(d -> d.id().equals(id)),
                "Approvals.providers() must list every provider on the class path");
    }

    @Test
    void descriptorDescribesItself() {
        ProviderDescriptor d = provider().descriptor();
        assertFalse(d.displayName().isBlank(), "display name");
        assertFalse(d.capabilities().isEmpty(), "a provider must be able to do something");
        for (ConfigKey k : d.configKeys()) {
            assertFalse(k.description().isBlank(), "config key " + k.name() + " needs a description");
        }
        assertEquals(d, provider().descriptor(), "descriptor must be stable");
    }

    @Test
    void configuredCapabilitiesAreWithinTheDeclaredOnesAndMissingOnesAreExplained() {
        assertTrue(provider().descriptor().capabilities().containsAll(service.capabilities()),
                "configured " + service.capabilities() + " vs declared " + provider().descriptor().capabilities());
        for (Capability c : Capability.values()) {
            Optional<String> reason = service.unsupportedReason(c);
            if (service.capabilities().contains(c)) {
                assertTrue(reason.isEmpty(), c + " is supported but has an unsupported reason");
            } else {
                assertTrue(reason.isPresent() && !reason.get().isBlank(), c + " is unsupported without a reason");
            }
        }
    }

    // =================================================================== configuration

    @Test
    void missingRequiredConfigIsReportedWithEveryKeyNamed() {
        ProviderDescriptor d = provider().descriptor();
        List<ConfigKey> required = d.configKeys().stream().filter(ConfigKey::required).toList();
        assumeFalse(required.isEmpty(), "provider has no required config keys");
        ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class,
                () -> provider().create(ProviderConfig.of(d, Map.of())),
                "create() must refuse a configuration that lacks required keys, before any I/O");
        for (ConfigKey k : required) {
            assertTrue(e.getMessage().contains(k.fullName(d.id())), e.getMessage() + " should name " + k.name());
        }
    }

    @Test
    void secretValuesNeverAppearInConfigToString() {
        ProviderDescriptor d = provider().descriptor();
        List<ConfigKey> secrets = d.configKeys().stream().filter(ConfigKey::secret).toList();
        assumeFalse(secrets.isEmpty(), "provider declares no secret keys");
        Map<String, String> values = new LinkedHashMap<>(connectionConfig());
        secrets.forEach(k -> values.put(k.name(), "tck-secret-" + k.name() + "-7Hq2"));
        ProviderConfig config = ProviderConfig.of(d, values);
        secrets.forEach(k -> assertFalse(config.toString().contains("tck-secret-" + k.name()), config.toString()));
        secrets.forEach(k -> assertFalse(config.masked().toString().contains("tck-secret-" + k.name())));
    }

    @Test
    void wrongSecretsFailAsAuthenticationErrorsWithoutShowingTheSecret() {
        ProviderDescriptor d = provider().descriptor();
        List<ConfigKey> secrets = d.configKeys().stream().filter(ConfigKey::secret)
                .filter(k -> connectionConfig().containsKey(k.name())).toList();
        assumeFalse(secrets.isEmpty(), "provider connects to its sandbox without secrets");
        SeededProcess p = seedTwoSteps();
        Map<String, String> values = new LinkedHashMap<>(connectionConfig());
        secrets.forEach(k -> values.put(k.name(), "wrong-" + k.name() + "-Zk3v"));
        try (ApprovalService wrong = Approvals.connect(provider(), ProviderConfig.of(d, values), clock())) {
            AuthenticationException e = assertThrows(AuthenticationException.class, () -> wrong.process(p.process()),
                "wrong credentials must fail as AuthenticationException, not as another failure");
            for (Throwable t = e; t != null; t = t.getCause()) {
                String message = String.valueOf(t.getMessage());
                secrets.forEach(k -> assertFalse(message.contains("wrong-" + k.name()), message));
            }
            assertEquals(Optional.of(d.id()), e.providerId(),
                "every exception must name the provider it came from");
        }
    }

    // =================================================================== reads

    @Test
    void processesOfARecordIncludeTheSeededOne() {
        assumeCapable(Capability.READ_PROCESSES);
        SeededProcess p = seedTwoSteps();
        List<ApprovalProcess> processes = service.processesOf(p.record());
        ApprovalProcess found = processes.stream().filter(x -> x.id().equals(p.process())).findFirst()
                .orElseThrow(() -> new AssertionError("processesOf(" + p.record() + ") lacks " + p.process()));
        assertEquals(ProcessState.IN_PROGRESS, found.state(),
                "a freshly seeded process must read as IN_PROGRESS");
        assertEquals(p.record(), found.record(),
                "a process must report the record it runs on");
        assertEquals(p.definitionId(), found.definition().id(),
                "a process must report the definition it was started from, in the id the provider lists");
        assertEquals(service.providerId(), found.providerId(),
                "a process must carry the id of the provider that read it");
        assertFalse(found.vendorStatus().isBlank(), "raw vendor status is kept");
    }

    @Test
    void oneProcessHasItsStepsAndTheFirstAssigneesPendingTask() {
        assumeCapable(Capability.READ_PROCESSES);
        SeededProcess p = seedTwoSteps();
        ApprovalProcess process = read(p);
        assertEquals(p.process(), process.id(),
                "process(id) must return the process with that id");
        assertTrue(process.isOpen(),
                "a seeded process is open until decided");
        assertFalse(process.steps().isEmpty(), "steps");
        Task task = pendingTaskOf(process, BOB);
        assertEquals(p.process(), task.id().process(), "a task id carries its process id");
        assertEquals(TaskId.parse(task.id().value()), task.id(), "task ids survive printing and parsing");
        assertEquals(ProcessId.parse(p.process().value()), p.process(), "process ids survive printing and parsing");
        assertTrue(process.initiator().map(ALICE::isSamePersonAs).orElse(true), "initiator, when known, is alice");
        assertFalse(process.timeline().isEmpty(), "timeline");
    }

    @Test
    void unknownProcessIsEmptyNotAnError() {
        assumeCapable(Capability.READ_PROCESSES);
        SeededProcess p = seedTwoSteps();
        assertEquals(Optional.empty(), service.process(unknownProcessId(p)),
                "an unknown process id reads as empty, never as an error");
    }

    @Test
    void recordWithoutProcessesGivesAnEmptyList() {
        assumeCapable(Capability.READ_PROCESSES);
        SeededProcess p = seedTwoSteps();
        RecordRef other = RecordRef.of(p.record().objectType(), "0000000000000000deadbeef");
        assertEquals(List.of(), service.processesOf(other),
                "a record without processes reads as an empty list, never as an error");
    }

    @Test
    void definitionsAreListedAndFoundById() {
        assumeCapable(Capability.LIST_DEFINITIONS);
        String id = sandbox.seedDefinition(new DefinitionSeed("TCK purchase request", List.of()));
        assertTrue(service.definitions().stream().anyMatch(d -> d.ref().id().equals(id)), "definitions() lists " + id);
        ApprovalDefinition d = service.definition(id).orElseThrow();
        assertEquals(id, d.ref().id(),
                "definition(id) must return the definition with that id");
        assertEquals(Optional.empty(), service.definition("0000000000000000deadbeef"));
    }

    @Test
    void queryStreamsEveryMatchAcrossPagesAndFetchesLazily() {
        assumeCapable(Capability.QUERY_PROCESSES);
        List<SeededProcess> seededProcesses = List.of(seedTwoSteps(), seedTwoSteps(), seedTwoSteps());
        Instant now = clock().instant();
        ProcessQuery query = ProcessQuery.builder().definition(seededProcesses.get(0).definitionId())
                .state(ProcessState.IN_PROGRESS).from(now.minus(Duration.ofHours(1))).to(now.plus(Duration.ofHours(1)))
                .pageSize(1).build();
        List<ProcessId> found = service.query(query).map(ApprovalProcess::id).toList();
        for (SeededProcess s : seededProcesses) {
            assertTrue(found.contains(s.process()), "query lacks " + s.process() + ": " + found);
        }
        assertEquals(found.size(), found.stream().distinct().count(), "no process twice: " + found);

        long before = sandbox.requestCount();
        assertTrue(service.query(query).findFirst().isPresent(),
                "query() must find a seeded process in its definition and time window");
        long used = sandbox.requestCount() - before;
        assertTrue(used < found.size(), "taking one result fetched " + used + " pages of " + found.size());

        ProcessQuery approvedOnly = ProcessQuery.builder().definition(seededProcesses.get(0).definitionId())
                .state(ProcessState.APPROVED).from(now.minus(Duration.ofHours(1))).to(now.plus(Duration.ofHours(1)))
                .build();
        assertTrue(service.query(approvedOnly).noneMatch(x -> x.id().equals(seededProcesses.get(0).process())),
                "query() must honour the state filter");
    }

    @Test
    void pendingTasksOfAUserListTheSeededTaskUntilDecided() {
        assumeCapable(Capability.PENDING_TASKS);
        SeededProcess p = seedTwoSteps();
        TaskId task = pendingTaskOf(read(p), BOB).id();
        assertTrue(service.pendingTasks(BOB).anyMatch(t -> t.task().equals(task)), "bob's inbox lacks " + task);
        assertTrue(service.pendingTasks(CAROL).noneMatch(t -> t.task().equals(task)), "carol must not see bob's task");
        assumeCapable(Capability.APPROVE);
        service.approve(ApproveCommand.of(task, BOB, comment()));
        assertTrue(service.pendingTasks(BOB).noneMatch(t -> t.task().equals(task)), "decided task still listed");
    }

    // =================================================================== decisions

    @Test
    void approvingMovesTheFlowToTheNextStep() {
        assumeCapable(Capability.APPROVE);
        SeededProcess p = seedTwoSteps();
        TaskId task = pendingTaskOf(read(p), BOB).id();
        WriteReceipt receipt = service.approve(ApproveCommand.of(task, BOB, comment()));
        assertFalse(receipt.confirmedByReadBack(),
                "a write whose answer arrived is not reported as confirmed by read-back");
        ApprovalProcess after = read(p);
        Task decided = after.task(task).orElseThrow();
        assertEquals(TaskState.APPROVED, decided.state(),
                "an approved task must read back as APPROVED");
        decided.decision().ifPresent(d -> {
            assertEquals(Verdict.APPROVE, d.verdict(),
                "the decision read back must be the verdict that was sent");
            assertTrue(d.actor().isSamePersonAs(BOB),
                "the decision read back must name the actor who decided");
        });
        assertTrue(after.isOpen(),
                "approving the first of two steps keeps the process open");
        pendingTaskOf(after, CAROL);
    }

    @Test
    void approvingTheLastStepApprovesTheProcess() {
        assumeCapable(Capability.APPROVE);
        SeededProcess p = seed(StepPlan.approval("Only step", ApprovalMode.SINGLE, BOB));
        service.approve(ApproveCommand.of(pendingTaskOf(read(p), BOB).id(), BOB, comment()));
        ApprovalProcess after = read(p);
        assertEquals(ProcessState.APPROVED, after.state(),
                "approving the last step must approve the process");
        assertTrue(after.pendingTasks().isEmpty(),
                "an approved process has no pending task left");
    }

    @Test
    void rejectingRejectsTheProcess() {
        assumeCapable(Capability.REJECT);
        SeededProcess p = seedTwoSteps();
        TaskId task = pendingTaskOf(read(p), BOB).id();
        service.reject(RejectCommand.of(task, BOB, "not within budget"));
        ApprovalProcess after = read(p);
        assertEquals(ProcessState.REJECTED, after.state(),
                "a rejection must reject the process");
        assertEquals(TaskState.REJECTED, after.task(task).orElseThrow().state(),
                "the rejected task must read back as REJECTED");
        assertThrows(ProcessNotOpenException.class,
                () -> service.approve(ApproveCommand.of(task, BOB, comment())),
                "a closed process must refuse further decisions before sending them");
    }

    @Test
    void returningSendsTheFlowBackToAnEarlierStep() {
        assumeCapable(Capability.APPROVE);
        assumeCapable(Capability.RETURN);
        SeededProcess p = seedTwoSteps();
        service.approve(ApproveCommand.of(pendingTaskOf(read(p), BOB).id(), BOB, comment()));
        TaskId carolsTask = pendingTaskOf(read(p), CAROL).id();
        List<Step> targets = service.returnTargets(carolsTask);
        assertEquals(1, targets.size(), "a return goes to an earlier step already passed; there is exactly one: "
                + targets);
        StepId first = targets.get(0).id();
        service.returnTo(ReturnCommand.to(carolsTask, first, CAROL, "please add the quote"));
        ApprovalProcess after = read(p);
        assertTrue(after.isOpen(), "a return keeps the process open");
        assertEquals(TaskState.RETURNED, after.task(carolsTask).orElseThrow().state(),
                "the task that sent the flow back shows the return");
        Step reopened = after.stepOf(pendingTaskOf(after, BOB, "a return re-opens its target step").id()).orElseThrow();
        assertEquals(first, reopened.id(), "after a return the re-opened step is the step returned to, same id");
        assertEquals(targets.get(0).name(), reopened.name(),
                "after a return the re-opened step carries the name the user saw before");
        TaskId again = pendingTaskOf(after, BOB, "a return re-opens its target step").id();
        service.approve(ApproveCommand.of(again, BOB, comment()));
        ApprovalProcess resubmitted = read(p);
        assertEquals(TaskState.APPROVED, resubmitted.task(again).orElseThrow().state(),
                "a task re-opened by a return must take a decision like any other (the decision goes to the "
                        + "vendor's new task, not the earlier one)");
        assertTrue(resubmitted.pendingTasks().stream().anyMatch(t -> t.assignee().isSamePersonAs(CAROL)),
                "after the re-opened step is approved the flow moves on to the step that returned it");
    }

    @Test
    void theFirstStepHasNoReturnTargetsAndAReturnThereIsRefused() {
        assumeCapable(Capability.RETURN);
        SeededProcess p = seedTwoSteps();
        ApprovalProcess process = read(p);
        TaskId task = pendingTaskOf(process, BOB).id();
        assertEquals(List.of(), service.returnTargets(task),
                "the first step has nothing earlier to return to");
        StepId ownStep = process.stepOf(task).orElseThrow().id();
        assertThrows(InvalidReturnTargetException.class,
                () -> service.returnTo(ReturnCommand.to(task, ownStep, BOB, comment())),
                "a return to a step that is not earlier must be refused before sending");
    }

    @Test
    void aDecidedTaskTakesNoSecondDecision() {
        assumeCapable(Capability.APPROVE);
        SeededProcess p = seedTwoSteps();
        TaskId task = pendingTaskOf(read(p), BOB).id();
        service.approve(ApproveCommand.of(task, BOB, comment()));
        ApprovalProcess between = read(p);
        assertThrows(TaskNotPendingException.class, () -> service.approve(ApproveCommand.of(task, BOB, comment())),
                "a decided task must refuse a second decision before sending it");
        assertEquals(between.task(task), read(p).task(task), "refused decision changed the task");
    }

    @Test
    void onlyAnAssigneeMayDecide() {
        assumeCapable(Capability.APPROVE);
        SeededProcess p = seedTwoSteps();
        TaskId task = pendingTaskOf(read(p), BOB).id();
        ActorNotAllowedException e = assertThrows(ActorNotAllowedException.class,
                () -> service.approve(ApproveCommand.of(task, DAVE, comment())),
                "only an assignee of the task may decide on it; others are refused before sending");
        assertTrue(e.getMessage().contains(DAVE.id()), e.getMessage());
        assertEquals(TaskState.PENDING, read(p).task(task).orElseThrow().state(),
                "a refused decision must leave the task pending");
    }

    @Test
    void aRequiredCommentIsEnforcedBeforeSending() {
        assumeCapable(Capability.APPROVE);
        assumeTrue(service.decisionPolicy().requiresComment(Verdict.APPROVE), "comments are optional here");
        SeededProcess p = seedTwoSteps();
        TaskId task = pendingTaskOf(read(p), BOB).id();
        assertThrows(CommentRequiredException.class, () -> service.approve(ApproveCommand.of(task, BOB)),
                "a decision without the comment the policy requires must be refused before sending");
        assertEquals(TaskState.PENDING, read(p).task(task).orElseThrow().state(),
                "a refused decision must leave the task pending");
    }

    @Test
    void invalidInputFailsBeforeAnyRequest() {
        SeededProcess p = seedTwoSteps();
        ProcessId process = p.process();
        TaskId task = TaskId.of(process, "1", "1");
        long before = sandbox.requestCount();
        assertThrows(IllegalArgumentException.class, () -> ApproveCommand.of(task, BOB, "  "));
        assertThrows(IllegalArgumentException.class, () -> ApproveCommand.of(task, BOB, "x".repeat(4001)));
        assertThrows(IllegalArgumentException.class, () -> RejectCommand.of(task, BOB, "line\u0000break"));
        assertThrows(IllegalArgumentException.class, () -> TaskId.parse("not a task id"));
        assertThrows(IllegalArgumentException.class, () -> UserRef.of("bob\r\nX-Injected: 1"));
        assertThrows(IllegalArgumentException.class, () -> ReturnCommand.to(task,
                StepId.of(ProcessId.of("another-process"), "1"), BOB, comment()));
        assertThrows(IllegalArgumentException.class, () -> new CancelCommand(process, ALICE, ""));
        assertThrows(NullPointerException.class, () -> service.approve(null),
                "null commands must be refused with a NullPointerException naming the argument, before any I/O");
        assertThrows(NullPointerException.class, () -> service.process(null),
                "a null id must be refused with a NullPointerException naming the argument, before any I/O");
        assertEquals(before, sandbox.requestCount(), "invalid input reached the vendor");
    }

    @Test
    void concurrentDecisionsOnOneTaskTakeEffectOnce() throws Exception {
        assumeCapable(Capability.APPROVE);
        SeededProcess p = seedTwoSteps();
        TaskId task = pendingTaskOf(read(p), BOB).id();
        int threads = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<WriteReceipt>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<WriteReceipt> call = () -> {
                    start.await();
                    return service.approve(ApproveCommand.of(task, BOB, comment()));
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            int succeeded = 0;
            for (Future<WriteReceipt> f : results) {
                try {
                    f.get(30, TimeUnit.SECONDS);
                    succeeded++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertInstanceOf(ApprovalException.class, e.getCause(), "failures are ApprovalExceptions");
                }
            }
            assertEquals(1, succeeded, "exactly one of the racing approvals may succeed");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(TaskState.APPROVED, read(p).task(task).orElseThrow().state(),
                "exactly one approval of racing ones takes effect and reads back as APPROVED");
    }

    // =================================================================== approval modes

    @Test
    void anAllOfStepWaitsForEveryAssigneeBeforeTheFlowMovesOn() {
        assumeCapable(Capability.APPROVE);
        SeededProcess p = seedOrSkip(new StepPlan("Board", StepKind.APPROVAL, ApprovalMode.ALL_OF, List.of(BOB, CAROL)),
                StepPlan.approval("Archive", ApprovalMode.SINGLE, DAVE));
        ApprovalProcess start = read(p);
        pendingTaskOf(start, BOB, "an ALL_OF step gives every assignee a pending task at once");
        TaskId carols = pendingTaskOf(start, CAROL, "an ALL_OF step gives every assignee a pending task at once").id();
        approve(start, BOB);
        ApprovalProcess between = read(p);
        assertTrue(between.isOpen(), "an ALL_OF step with an assignee still to approve keeps the process open");
        assertEquals(TaskState.PENDING, between.task(carols).map(Task::state).orElse(null),
                "in an ALL_OF step every assignee must approve: carol's task stays pending after bob approved");
        assertNoPendingTaskFor(between, DAVE, "the next step starts only when every assignee of an ALL_OF step approved");
        approve(between, CAROL);
        pendingTaskOf(read(p), DAVE, "once every assignee of an ALL_OF step approved, the next step starts");
    }

    @Test
    void anAnyOfStepIsSettledByTheFirstApprovalAndTheOtherTasksAreClosed() {
        assumeCapable(Capability.APPROVE);
        SeededProcess p = seedOrSkip(new StepPlan("Any manager", StepKind.APPROVAL, ApprovalMode.ANY_OF,
                List.of(BOB, CAROL)), StepPlan.approval("Archive", ApprovalMode.SINGLE, DAVE));
        ApprovalProcess start = read(p);
        pendingTaskOf(start, BOB, "an ANY_OF step gives every assignee a pending task at once");
        TaskId carols = pendingTaskOf(start, CAROL, "an ANY_OF step gives every assignee a pending task at once").id();
        approve(start, BOB);
        ApprovalProcess after = read(p);
        assertNoPendingTaskFor(after, CAROL, "in an ANY_OF step the first approval settles the step: the other "
                + "assignees' tasks are closed, not left pending");
        // a vendor may stop listing whoever did not reply once the step is settled; if it lists them, as closed
        after.task(carols).ifPresent(closed -> {
            assertEquals(TaskState.CANCELLED, closed.state(), "a task closed because another assignee settled its "
                    + "ANY_OF step is CANCELLED (closed without a decision), not " + closed.state());
            assertTrue(closed.decision().isEmpty() && closed.outcome().map(o -> !o.isDecision()).orElse(true),
                    "a task closed because another assignee settled its step shows no decision: " + closed);
        });
        pendingTaskOf(after, DAVE, "the first approval of an ANY_OF step moves the flow to the next step");
    }

    @Test
    void aSequentialStepGivesItsAssigneesTheirTurnsOneAfterAnother() {
        assumeCapable(Capability.APPROVE);
        SeededProcess p = seedOrSkip(new StepPlan("In turn", StepKind.APPROVAL, ApprovalMode.SEQUENTIAL,
                List.of(BOB, CAROL)), StepPlan.approval("Archive", ApprovalMode.SINGLE, DAVE));
        ApprovalProcess start = read(p);
        pendingTaskOf(start, BOB, "a SEQUENTIAL step starts with its first assignee's task pending");
        assertNoPendingTaskFor(start, CAROL, "in a SEQUENTIAL step the later assignees wait for their turn");
        approve(start, BOB);
        ApprovalProcess between = read(p);
        pendingTaskOf(between, CAROL, "in a SEQUENTIAL step the next assignee's turn comes once the one before approved");
        assertNoPendingTaskFor(between, DAVE, "the next step starts only after the last assignee of a SEQUENTIAL step");
        approve(between, CAROL);
        pendingTaskOf(read(p), DAVE, "once the last assignee of a SEQUENTIAL step approved, the next step starts");
    }

    // =================================================================== parallel branches

    @Test
    void parallelBranchesStartTogetherAndTheNextStepWaitsForBoth() {
        assumeCapable(Capability.APPROVE);
        SeededProcess p = seedParallelBranches();
        approve(read(p), BOB);
        ApprovalProcess branches = read(p);
        pendingTaskOf(branches, CAROL, "steps of one stage start together when the stage is reached");
        TaskId finance = pendingTaskOf(branches, DAVE, "steps of one stage start together when the stage is reached")
                .id();
        approve(branches, DAVE);
        ApprovalProcess oneDone = read(p);
        assertNoPendingTaskFor(oneDone, ERIN, "a later step starts only when every branch before it has finished "
                + "(the join)");
        pendingTaskOf(oneDone, CAROL, "finishing one branch leaves the other branch running");
        approve(oneDone, CAROL);
        ApprovalProcess joined = read(p);
        pendingTaskOf(joined, ERIN, "once every branch has finished, the step after the join starts");
        assertEquals(TaskState.APPROVED, joined.task(finance).map(Task::state).orElse(null),
                "an approved branch stays approved when another branch finishes");
        assertNoPendingTaskFor(joined, DAVE, "an APPROVED step is never re-activated except by a return to it");
        approve(joined, ERIN);
        ApprovalProcess done = read(p);
        assertEquals(ProcessState.APPROVED, done.state(), "approving the last step approves the process");
        assertEquals(List.of(), done.pendingTasks(), "an approved process has no pending task left in any branch");
    }

    @Test
    void aRejectionInOneBranchClosesEveryRunningBranch() {
        assumeCapable(Capability.APPROVE);
        assumeCapable(Capability.REJECT);
        SeededProcess p = seedParallelBranches();
        approve(read(p), BOB);
        ApprovalProcess branches = read(p);
        TaskId legal = pendingTaskOf(branches, CAROL, "steps of one stage start together").id();
        pendingTaskOf(branches, DAVE, "steps of one stage start together");
        service.reject(RejectCommand.of(legal, CAROL, "not acceptable"));
        ApprovalProcess after = read(p);
        assertEquals(ProcessState.REJECTED, after.state(), "a rejection in any branch rejects the process");
        assertEquals(List.of(), after.pendingTasks(), "a rejection closes every running branch: no task stays pending");
    }

    @Test
    void aReturnFromALaterBranchReopensTheEarlierStepAndCancelsTheOtherBranch() {
        assumeCapable(Capability.APPROVE);
        assumeCapable(Capability.RETURN);
        SeededProcess p = seedParallelBranches();
        ApprovalProcess start = read(p);
        Step submit = start.stepOf(pendingTaskOf(start, BOB).id()).orElseThrow();
        approve(start, BOB);
        ApprovalProcess branches = read(p);
        TaskId legal = pendingTaskOf(branches, CAROL, "steps of one stage start together").id();
        TaskId finance = pendingTaskOf(branches, DAVE, "steps of one stage start together").id();
        List<Step> targets = service.returnTargets(legal);
        Step target = targets.stream().filter(s -> s.id().equals(submit.id())).findFirst().orElseThrow(() ->
                new AssertionError("a step already passed before a branch is a return target of that branch; "
                        + submit.id() + " ('" + submit.name() + "') is missing from " + targets));
        service.returnTo(ReturnCommand.to(legal, target.id(), CAROL, "please add the quote"));
        ApprovalProcess after = read(p);
        assertTrue(after.isOpen(), "a return keeps the process open");
        Task reopened = pendingTaskOf(after, BOB, "a return re-opens its target step for its assignees");
        Step reopenedStep = after.stepOf(reopened.id()).orElseThrow();
        assertEquals(submit.name(), reopenedStep.name(),
                "after a return the re-opened step carries the name the user saw before");
        assertNotEquals(TaskState.PENDING, after.task(finance).map(Task::state).orElse(TaskState.CANCELLED),
                "a return cancels every running step after its target, including other branches");
        assertNoPendingTaskFor(after, DAVE, "a return cancels every running step after its target");
        assertNoPendingTaskFor(after, ERIN, "the step after the join must not start while an earlier step runs");
        approve(after, BOB);
        ApprovalProcess again = read(p);
        pendingTaskOf(again, CAROL, "approving the re-opened step runs the branches after it again");
        pendingTaskOf(again, DAVE, "approving the re-opened step runs the branches after it again");
    }

    // =================================================================== paging

    @Test
    void pendingTasksAreListedCompletelyOverMoreThanOnePage() {
        assumeCapable(Capability.PENDING_TASKS);
        assumeCapable(Capability.READ_PROCESSES);
        assumeTrue(sandbox.pageSize(SMALL_PAGE), () -> sandbox.providerId() + "'s sandbox cannot set its page size");
        try {
            List<TaskId> seededTasks = new ArrayList<>();
            for (int i = 0; i < 2 * SMALL_PAGE + 1; i++) {
                SeededProcess p = seed(StepPlan.approval("Paged review", ApprovalMode.SINGLE, PAULA));
                seededTasks.add(pendingTaskOf(read(p), PAULA).id());
            }
            List<TaskId> listed = service.pendingTasks(PAULA).map(PendingTask::task).toList();
            assertEquals(listed.size(), Set.copyOf(listed).size(),
                    "paging must never list a pending task twice: " + listed);
            assertEquals(Set.copyOf(seededTasks), Set.copyOf(listed), "every pending task of a user is listed, over "
                    + "every page, even when the vendor answers fewer items a page (" + SMALL_PAGE + ") than asked");
        } finally {
            sandbox.pageSize(ProviderSandbox.DEFAULT_PAGE_SIZE);
        }
    }

    @Test
    void aQueryFindsEveryMatchOverMoreThanOnePage() {
        assumeCapable(Capability.QUERY_PROCESSES);
        assumeTrue(sandbox.pageSize(SMALL_PAGE), () -> sandbox.providerId() + "'s sandbox cannot set its page size");
        try {
            List<ProcessId> seededProcesses = new ArrayList<>();
            String definition = null;
            for (int i = 0; i < 2 * SMALL_PAGE + 1; i++) {
                seeded++;
                SeededProcess p = sandbox.seedProcess(new ProcessSeed("TCK paged query", "TCK record " + seeded, ALICE,
                        List.of(StepPlan.approval("Review", ApprovalMode.SINGLE, BOB))));
                seededProcesses.add(p.process());
                definition = p.definitionId();
            }
            Instant now = clock().instant();
            ProcessQuery query = ProcessQuery.builder().definition(definition).from(now.minus(Duration.ofHours(1)))
                    .to(now.plus(Duration.ofHours(1))).build();
            List<ProcessId> found = service.query(query).map(ApprovalProcess::id).toList();
            assertEquals(found.size(), Set.copyOf(found).size(), "paging must never list a process twice: " + found);
            assertEquals(Set.copyOf(seededProcesses), Set.copyOf(found), "a query finds every match, over every "
                    + "page, even when the vendor answers fewer items a page (" + SMALL_PAGE + ") than asked");
        } finally {
            sandbox.pageSize(ProviderSandbox.DEFAULT_PAGE_SIZE);
        }
    }

    // =================================================================== cancel and start

    @Test
    void cancellingClosesTheProcessAndASecondCancelIsRefused() {
        assumeCapable(Capability.CANCEL);
        SeededProcess p = seedTwoSteps();
        service.cancel(new CancelCommand(p.process(), ALICE, "withdrawn by the requester"));
        ApprovalProcess after = read(p);
        assertEquals(ProcessState.CANCELLED, after.state(),
                "cancelling must cancel the process");
        assertTrue(after.pendingTasks().isEmpty(), "cancelled process keeps pending tasks: " + after.pendingTasks());
        assertThrows(ProcessNotOpenException.class,
                () -> service.cancel(new CancelCommand(p.process(), ALICE, "again")));
    }

    @Test
    void startingChecksRequiredInputsThenStarts() {
        assumeCapable(Capability.START);
        String id = sandbox.seedDefinition(new DefinitionSeed("TCK expense claim", List.of(
                new InputParameter("amount", "number", true, Optional.of("claimed amount")))));
        InvalidRequestException missing = assertThrows(InvalidRequestException.class,
                () -> service.start(StartCommand.of(id, Map.of())),
                "starting without a required input must be refused before the start request");
        assertTrue(missing.getMessage().contains("amount"), missing.getMessage());
        StartReceipt receipt = service.start(StartCommand.builder(id).initiator(ALICE)
                .allowIgnoredInputs().input("amount", "120").build());
        receipt.process().ifPresent(started -> assertTrue(service.process(started).isPresent(),
                "started process " + started + " cannot be read"));
    }

    // =================================================================== unsupported capabilities

    @Test
    void unsupportedOperationsRaiseUnsupportedCapabilityWithoutAnyRequest() {
        SeededProcess p = seedTwoSteps();
        TaskId task = TaskId.of(p.process(), "1", "1");
        Map<Capability, Runnable> calls = new EnumMap<>(Capability.class);
        calls.put(Capability.LIST_DEFINITIONS, () -> service.definitions());
        calls.put(Capability.READ_PROCESSES, () -> service.process(p.process()));
        calls.put(Capability.QUERY_PROCESSES, () -> service.query(ProcessQuery.builder().build()));
        calls.put(Capability.PENDING_TASKS, () -> service.pendingTasks(BOB));
        calls.put(Capability.APPROVE, () -> service.approve(ApproveCommand.of(task, BOB, comment())));
        calls.put(Capability.REJECT, () -> service.reject(RejectCommand.of(task, BOB, comment())));
        calls.put(Capability.RETURN, () -> service.returnTo(ReturnCommand.to(task, StepId.of(p.process(), "1"), BOB,
                comment())));
        calls.put(Capability.CANCEL, () -> service.cancel(new CancelCommand(p.process(), ALICE, comment())));
        calls.put(Capability.START, () -> service.start(StartCommand.of("any-definition", Map.of())));
        List<Capability> unsupported = calls.keySet().stream().filter(c -> !service.capabilities().contains(c))
                .toList();
        assumeFalse(unsupported.isEmpty(), "provider supports every capability");
        for (Capability c : unsupported) {
            long before = sandbox.requestCount();
            UnsupportedCapabilityException e = assertThrows(UnsupportedCapabilityException.class,
                    () -> calls.get(c).run(),
                    "an operation the provider does not offer must raise UnsupportedCapabilityException before any "
                            + "request: " + c);
            assertEquals(c, e.capability(),
                "UnsupportedCapabilityException must name the capability that is missing");
            assertTrue(e.getMessage().contains(service.providerId()), e.getMessage());
            assertEquals(before, sandbox.requestCount(), c + " reached the vendor although unsupported");
        }
    }

    // =================================================================== faults and reconciliation

    @Test
    void anApprovalWhoseAnswerIsLostIsConfirmedByReadingBack() {
        assumeCapable(Capability.APPROVE);
        SeededProcess p = seedTwoSteps();
        TaskId task = pendingTaskOf(read(p), BOB).id();
        sandbox.injectFault(Fault.onWrites(Fault.Kind.MALFORMED_RESPONSE, 1));
        WriteReceipt receipt = service.approve(ApproveCommand.of(task, BOB, comment()));
        assertTrue(receipt.confirmedByReadBack(), "the lost answer was reconciled");
        ApprovalProcess after = receipt.processAfter().orElseGet(() -> read(p));
        assertEquals(TaskState.APPROVED, after.task(task).orElseThrow().state(),
                "the answer to a write must be decoded so that reconciliation can see the write took effect");
        pendingTaskOf(read(p), CAROL);
    }

    @Test
    void anApprovalThatFailedBeforeTakingEffectIsReportedAndCanBeRepeatedOnce() {
        assumeCapable(Capability.APPROVE);
        SeededProcess p = seedTwoSteps();
        TaskId task = pendingTaskOf(read(p), BOB).id();
        sandbox.injectFault(Fault.onWrites(Fault.Kind.VENDOR_UNAVAILABLE, 1));
        assertThrows(VendorUnavailableException.class, () -> service.approve(ApproveCommand.of(task, BOB, comment())),
                "a write the vendor refused as unavailable must surface as VendorUnavailableException");
        assertEquals(TaskState.PENDING, read(p).task(task).orElseThrow().state(), "failed write was applied");
        service.approve(ApproveCommand.of(task, BOB, comment()));
        ApprovalProcess after = read(p);
        assertEquals(TaskState.APPROVED, after.task(task).orElseThrow().state(),
                "after an outage the same decision, sent again by the caller, must take effect once");
        long decisions = after.steps().stream().flatMap(s -> s.tasks().stream())
                .filter(t -> t.assignee().isSamePersonAs(BOB) && t.state() == TaskState.APPROVED).count();
        assertEquals(1, decisions, "bob's approval must exist once");
    }

    @Test
    void slowAnswersStillArrive() {
        assumeCapable(Capability.READ_PROCESSES);
        SeededProcess p = seedTwoSteps();
        sandbox.injectFault(Fault.latency(Duration.ofMillis(50), 1));
        assertNotNull(read(p),
                "a slow vendor within the time-outs must still be read");
    }

    @Test
    void expiredCredentialsAreRenewedOrReportedAsAuthenticationFailure() {
        assumeCapable(Capability.READ_PROCESSES);
        SeededProcess p = seedTwoSteps();
        sandbox.injectFault(Fault.of(Fault.Kind.EXPIRED_CREDENTIALS, 1));
        if (refreshesCredentials()) {
            assertEquals(p.process(), read(p).id(),
                "expired credentials must be renewed transparently by a provider that can refresh them");
        } else {
            assertThrows(AuthenticationException.class, () -> service.process(p.process()),
                "expired credentials that cannot be renewed must fail as AuthenticationException");
        }
    }

    // =================================================================== helpers for subclasses

    /** Lists, for diagnostics, what a process looks like in one line per task. */
    protected static String describe(ApprovalProcess p) {
        return p.steps().stream().map(s -> s.name() + "=" + s.state() + s.tasks().stream()
                .map(t -> t.assignee().id() + ":" + t.state()).collect(Collectors.joining(",", "[", "]")))
                .collect(Collectors.joining("; "));
    }
}
