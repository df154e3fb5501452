package org.openapproval.core.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openapproval.core.Approvals;
import org.openapproval.core.domain.ApprovalMode;
import org.openapproval.core.domain.ErrorContext;
import org.openapproval.core.domain.ApprovalProcess;
import org.openapproval.core.domain.ProcessState;
import org.openapproval.core.domain.StepPlan;
import org.openapproval.core.domain.StepState;
import org.openapproval.core.domain.TaskId;
import org.openapproval.core.domain.UserRef;
import org.openapproval.core.domain.VendorProtocolException;
import org.openapproval.core.port.in.ApprovalService;
import org.openapproval.core.port.in.ApproveCommand;
import org.openapproval.core.port.in.Capability;
import org.openapproval.core.spi.ConfigSources;
import org.openapproval.core.spi.ProviderConfigurationException;

class InMemoryApprovalStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    private final UserRef alice = UserRef.of("alice");
    private final UserRef bob = UserRef.of("bob");
    private final UserRef carol = UserRef.of("carol");
    private final UserRef dave = UserRef.of("dave");
    private final InMemoryApprovalStore store = InMemoryApprovalStore.create(Clock.fixed(T0, ZoneOffset.UTC));

    /** The example from the module README, end to end. */
    @Test
    void theReadmeExampleRunsAsWritten() {
        ApprovalProcess seeded = store.openProcess("Contract review", alice,
                List.of(StepPlan.approval("Manager", ApprovalMode.SINGLE, bob),
                        StepPlan.approval("Finance", ApprovalMode.ALL_OF, carol, dave)));
        try (ApprovalService approvals = store.connect()) {
            TaskId bobsTask = approvals.process(seeded.id()).orElseThrow().pendingTasks().get(0).id();
            approvals.approve(ApproveCommand.of(bobsTask, bob, "ok"));

            ApprovalProcess after = approvals.process(seeded.id()).orElseThrow();
            assertEquals(StepState.APPROVED, after.steps().get(0).state());
            assertEquals(StepState.IN_PROGRESS, after.steps().get(1).state());
            assertEquals(List.of("carol", "dave"),
                    after.pendingTasks().stream().map(t -> t.assignee().id()).toList());
            assertEquals(T0, after.createdAt());
        }
    }

    @Test
    void theProviderFoundByServiceLoaderStartsEveryServiceOnAFreshStore() {
        ApprovalProcess seeded = store.openProcess("Leave", alice,
                List.of(StepPlan.approval("Lead", ApprovalMode.SINGLE, bob)));
        try (ApprovalService mine = store.connect();
             ApprovalService other = Approvals.connect("in-memory", ConfigSources.explicitOnly(Map.of()))) {
            assertTrue(mine.process(seeded.id()).isPresent());
            assertEquals(ProcessState.IN_PROGRESS, mine.processesOf(seeded.record()).get(0).state());
            assertTrue(other.process(seeded.id()).isEmpty(), "no JVM-wide store is shared behind the caller's back");
        }
    }

    @Test
    void manyThreadsDecidingOnManyProcessesLoseNothing() throws Exception {
        int processes = 40;
        List<ApprovalProcess> seeded = new ArrayList<>();
        for (int i = 0; i < processes; i++) {
            seeded.add(store.openProcess("Bulk", alice,
                    List.of(StepPlan.approval("Only", ApprovalMode.ANY_OF, bob, carol))));
        }
        ApprovalService approvals = store.connect();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (ApprovalProcess s : seeded) {
            ApprovalProcess p = approvals.process(s.id()).orElseThrow();
            for (var task : p.pendingTasks()) {
                results.add(pool.submit(() -> {
                    go.await();
                    try {
                        approvals.approve(ApproveCommand.of(task.id(), task.assignee(), "ok"));
                        return true;
                    } catch (org.openapproval.core.domain.DomainRuleException lost) {
                        return false; // the other assignee of this ANY_OF step was first
                    }
                }));
            }
        }
        go.countDown();
        int won = 0;
        for (Future<Boolean> f : results) {
            won += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(processes, won, "exactly one approval per ANY_OF process");
        for (ApprovalProcess s : seeded) {
            assertEquals(ProcessState.APPROVED, approvals.process(s.id()).orElseThrow().state());
        }
    }

    @Test
    void everyCallPassesTheInterceptorAndIsCounted() {
        ApprovalProcess seeded = store.openProcess("Leave", alice,
                List.of(StepPlan.approval("Lead", ApprovalMode.SINGLE, bob)));
        ApprovalService approvals = store.connect();
        List<Boolean> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        store.intercept(new InMemoryApprovalStore.CallInterceptor() {
            @Override
            public <T> T intercept(boolean write, java.util.function.Supplier<T> call) {
                seen.add(write);
                if (write) {
                    throw new VendorProtocolException("refused by the test", ErrorContext.provider("in-memory"), null);
                }
                return call.get();
            }
        });
        long before = store.requestCount();
        TaskId task = approvals.process(seeded.id()).orElseThrow().pendingTasks().get(0).id();
        assertThrows(VendorProtocolException.class, () -> approvals.approve(ApproveCommand.of(task, bob, "ok")));
        assertTrue(seen.contains(false) && seen.contains(true), seen.toString());
        assertEquals(seen.size(), store.requestCount() - before);
    }

    @Test
    void capabilitiesCanBeSwitchedOffByConfig() {
        try (ApprovalService approvals = store.connect(Map.of("unsupported", "return, cancel"))) {
            assertFalse(approvals.capabilities().contains(Capability.RETURN));
            assertFalse(approvals.capabilities().contains(Capability.CANCEL));
            assertTrue(approvals.capabilities().contains(Capability.APPROVE));
            assertTrue(approvals.unsupportedReason(Capability.CANCEL).orElseThrow().contains("in-memory.unsupported"));
        }
    }

    @Test
    void badCapabilityNamesAndImpossibleCombinationsAreConfigErrors() {
        ProviderConfigurationException unknown = assertThrows(ProviderConfigurationException.class,
                () -> Approvals.connect("in-memory", ConfigSources.explicitOnly(Map.of("unsupported", "TELEPORT"))));
        assertTrue(unknown.getMessage().contains("TELEPORT") && unknown.getMessage().contains("APPROVE"),
                unknown.getMessage());
        ProviderConfigurationException noReads = assertThrows(ProviderConfigurationException.class,
                () -> Approvals.connect("in-memory", ConfigSources.explicitOnly(Map.of("unsupported",
                        "READ_PROCESSES"))));
        assertTrue(noReads.getMessage().contains("READ_PROCESSES"), noReads.getMessage());
        ProviderConfigurationException notBoolean = assertThrows(ProviderConfigurationException.class,
                () -> Approvals.connect("in-memory", ConfigSources.explicitOnly(Map.of("comments-required", "yes"))));
        assertTrue(notBoolean.getMessage().contains("comments-required"), notBoolean.getMessage());
    }

    @Test
    void storesBelongToTheInMemoryProviderOnly() {
        ApprovalProcess foreign = ApprovalProcess.open(org.openapproval.core.domain.ProcessId.of("X"), "fxiaoke",
                org.openapproval.core.domain.DefinitionRef.of("f"), org.openapproval.core.domain.RecordRef.of("A", "1"),
                alice, org.openapproval.core.domain.TriggerKind.MANUAL, T0,
                List.of(StepPlan.approval("s", ApprovalMode.SINGLE, bob)));
        assertThrows(IllegalArgumentException.class, () -> store.put(foreign));
    }

    @Test
    void approvingWhileStreamingTheInboxReachesEveryTask() {
        for (int i = 0; i < 120; i++) {
            store.openProcess("Inbox", alice,
                    List.of(StepPlan.approval("Only", ApprovalMode.SINGLE, bob)));
        }
        ApprovalService approvals = store.connect();
        long approved = approvals.pendingTasks(bob)
                .peek(t -> approvals.approve(ApproveCommand.of(t.task(), bob, "ok"))).count();
        assertEquals(120, approved, "keyset paging: deciding earlier tasks does not hide later ones");
        assertEquals(0, approvals.pendingTasks(bob).count());
    }

    @Test
    void processesOfARecordListOldestFirstEvenWithOneFixedInstant() {
        org.openapproval.core.domain.RecordRef contract = org.openapproval.core.domain.RecordRef.of("ContractObj", "C-1");
        List<ApprovalProcess> seeded = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            seeded.add(store.openProcess(contract, "Contract", alice,
                    List.of(StepPlan.approval("Only", ApprovalMode.SINGLE, bob))));
        }
        List<org.openapproval.core.domain.ProcessId> listed = store.connect().processesOf(contract).stream()
                .map(ApprovalProcess::id).toList();
        assertEquals(seeded.stream().map(ApprovalProcess::id).toList(), listed);
    }

    @Test
    void concurrentSeedingOfOneDefinitionNameDefinesItOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(pool.submit(() -> {
                go.await();
                return store.defineFlow("Shared flow", List.of(), List.of());
            }));
        }
        go.countDown();
        java.util.Set<String> distinct = new java.util.HashSet<>();
        for (Future<String> f : ids) {
            distinct.add(f.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertEquals(1, distinct.size(), distinct.toString());
    }

    @Test
    void aPutProcessKeepsItsIdAgainstGeneratedOnes() {
        ApprovalProcess mine = ApprovalProcess.open(org.openapproval.core.domain.ProcessId.of("P1"), "in-memory",
                org.openapproval.core.domain.DefinitionRef.of("f"), org.openapproval.core.domain.RecordRef.of("A", "1"),
                alice, org.openapproval.core.domain.TriggerKind.MANUAL, T0,
                List.of(StepPlan.approval("s", ApprovalMode.SINGLE, bob)));
        store.put(mine);
        ApprovalProcess generated = store.openProcess("Leave", alice,
                List.of(StepPlan.approval("Lead", ApprovalMode.SINGLE, carol)));
        ApprovalService approvals = store.connect();
        assertEquals(mine, approvals.process(mine.id()).orElseThrow());
        assertTrue(approvals.process(generated.id()).isPresent());
        assertFalse(generated.id().equals(mine.id()));
    }

    @Test
    void startChecksRequiredInputsEvenWhenDefinitionsCannotBeListed() {
        String flow = store.defineFlow("Expense", List.of(new org.openapproval.core.domain.InputParameter("amount",
                "number", true, java.util.Optional.empty())), List.of());
        try (ApprovalService approvals = store.connect(Map.of("unsupported", "LIST_DEFINITIONS"))) {
            org.openapproval.core.domain.InvalidRequestException e = assertThrows(
                    org.openapproval.core.domain.InvalidRequestException.class,
                    () -> approvals.start(org.openapproval.core.port.in.StartCommand.of(flow, Map.of())));
            assertTrue(e.getMessage().contains("amount"), e.getMessage());
        }
    }
}
