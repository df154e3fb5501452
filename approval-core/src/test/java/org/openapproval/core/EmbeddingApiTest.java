package org.openapproval.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openapproval.core.application.DefaultApprovalService;
import org.openapproval.core.domain.ApprovalMode;
import org.openapproval.core.domain.ApprovalProcess;
import org.openapproval.core.domain.InvalidRequestException;
import org.openapproval.core.domain.PendingTask;
import org.openapproval.core.domain.ProcessId;
import org.openapproval.core.domain.ProcessState;
import org.openapproval.core.domain.RecordRef;
import org.openapproval.core.domain.StepPlan;
import org.openapproval.core.domain.Task;
import org.openapproval.core.domain.TaskId;
import org.openapproval.core.domain.UserRef;
import org.openapproval.core.guice.ApprovalModule;
import org.openapproval.core.inmemory.InMemoryApprovalStore;
import org.openapproval.core.port.in.ApprovalService;
import org.openapproval.core.port.in.ApproveCommand;
import org.openapproval.core.port.in.Page;
import org.openapproval.core.port.in.PageToken;
import org.openapproval.core.port.in.ProcessQuery;
import org.openapproval.core.port.in.RejectCommand;
import org.openapproval.core.port.in.ReturnCommand;
import org.openapproval.core.port.in.ServiceClosedException;
import org.openapproval.core.port.in.StartCommand;
import org.openapproval.core.port.in.StartInput;
import org.openapproval.core.port.in.StartReceipt;
import org.openapproval.core.spi.ApprovalObserver;
import org.openapproval.core.spi.ConfigSources;
import org.openapproval.core.spi.ProviderPorts;

/** What an application developer embedding the library relies on: commands, pages, streams, threads, closing. */
class EmbeddingApiTest {
    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    private static final UserRef ALICE = UserRef.of("alice");
    private static final UserRef BOB = UserRef.of("bob");
    private final InMemoryApprovalStore store = InMemoryApprovalStore.create(Clock.fixed(T0, ZoneOffset.UTC));

    private ApprovalProcess seed(String name) {
        return store.openProcess(name, ALICE, List.of(StepPlan.approval("Manager", ApprovalMode.SINGLE, BOB)));
    }

    // ------------------------------------------------------------------ commands

    @Test
    void commandsAreBuiltByFactoriesWithoutOptionalOrNullableArguments() {
        for (Class<?> type : List.of(ApproveCommand.class, RejectCommand.class, ReturnCommand.class,
                StartCommand.class, ProcessQuery.class)) {
            for (Constructor<?> c : type.getConstructors()) {
                throw new AssertionError(type.getSimpleName() + " has a public constructor " + c);
            }
            for (Method m : type.getMethods()) {
                if (Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() == type) {
                    for (Class<?> p : m.getParameterTypes()) {
                        assertFalse(p == Optional.class, m + " takes an Optional");
                    }
                }
            }
        }
        TaskId task = TaskId.of(ProcessId.of("p1"), "1", "1");
        assertEquals(Optional.empty(), ApproveCommand.of(task, BOB).comment());
        assertEquals(Optional.of("fine"), ApproveCommand.of(task, BOB, "fine").comment());
        NullPointerException npe = assertThrows(NullPointerException.class, () -> ApproveCommand.of(task, BOB, null));
        assertTrue(npe.getMessage().contains("without a comment"), npe.getMessage());
        StartCommand start = StartCommand.builder("expense").record(RecordRef.of("Order", "SO-1"))
                .initiator(ALICE).input("amount", "12").build();
        assertEquals(EnumSet.allOf(StartInput.class), start.usedInputs());
        assertFalse(start.toString().contains("12"), "input values are not printed");
    }

    // ------------------------------------------------------------------ one user's task

    @Test
    void pendingTaskFindsOneUsersTaskOnAProcessOrARecord() {
        ApprovalProcess p = seed("Leave");
        try (ApprovalService approvals = store.connect()) {
            Task bobs = approvals.pendingTask(p.id(), BOB).orElseThrow();
            assertEquals(BOB, bobs.assignee());
            assertEquals(bobs, approvals.pendingTask(p.record(), BOB).orElseThrow());
            assertTrue(approvals.pendingTask(p.id(), ALICE).isEmpty(), "alice has nothing to decide");
            approvals.approve(ApproveCommand.of(bobs.id(), BOB));
            assertTrue(approvals.pendingTask(p.id(), BOB).isEmpty(), "decided");
            assertTrue(approvals.pendingTask(ProcessId.of("nope"), BOB).isEmpty(), "unknown process");
        }
    }

    // ------------------------------------------------------------------ pages and streams

    @Test
    void pagesRoundTripTheirTokenThroughText() {
        List<ProcessId> seeded = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            seeded.add(seed("Bulk").id());
        }
        try (ApprovalService approvals = store.connect()) {
            ProcessQuery query = ProcessQuery.builder()
                    .definition(approvals.process(seeded.get(0)).orElseThrow().definition().id()).pageSize(2).build();
            List<ProcessId> listed = new ArrayList<>();
            Optional<PageToken> token = Optional.empty();
            int pages = 0;
            do {
                Page<ApprovalProcess> page = approvals.queryPage(query, token);
                page.items().forEach(p -> listed.add(p.id()));
                // what a web UI does: send the text out, read it back from the next request
                token = page.next().map(PageToken::value).map(text -> {
                    assertTrue(text.matches("[A-Za-z0-9_-]+"), "URL-safe: " + text);
                    return PageToken.parse(text);
                });
                pages++;
            } while (token.isPresent());
            assertEquals(seeded, listed);
            assertEquals(3, pages);

            PageToken second = approvals.queryPage(query, Optional.empty()).next().orElseThrow();
            ProcessQuery other = ProcessQuery.builder().pageSize(2).build();
            assertThrows(InvalidRequestException.class, () -> approvals.queryPage(other, Optional.of(second)),
                    "a token of another query is refused");
            assertThrows(InvalidRequestException.class, () -> approvals.pendingTasksPage(BOB, Optional.of(second)));
            assertThrows(IllegalArgumentException.class, () -> PageToken.parse("not a token!"));
            assertThrows(IllegalArgumentException.class, () -> PageToken.parse("bm90LWEtdG9rZW4"));

            Page<PendingTask> inbox = approvals.pendingTasksPage(BOB, Optional.empty());
            List<PendingTask> all = new ArrayList<>(inbox.items());
            while (!inbox.isLast()) {
                inbox = approvals.pendingTasksPage(BOB, Optional.of(PageToken.parse(inbox.next().get().value())));
                all.addAll(inbox.items());
            }
            assertEquals(approvals.pendingTasks(BOB).toList(), all);
        }
    }

    /** The documented rule: streams hold nothing between pages, so abandoning one half-read is fine. */
    @Test
    void streamsFetchLazilyAndNeedNoClosing() {
        for (int i = 0; i < 5; i++) {
            seed("Bulk");
        }
        try (ApprovalService approvals = store.connect()) {
            long before = store.requestCount();
            Stream<ApprovalProcess> stream = approvals.query(ProcessQuery.builder().pageSize(2).build());
            assertEquals(before, store.requestCount(), "creating the stream fetches nothing");
            Iterator<ApprovalProcess> it = stream.iterator();
            it.next();
            assertEquals(before + 1, store.requestCount(), "one page for the first item");
            // abandoned, never closed: nothing is held, the service goes on working
            assertEquals(5, approvals.query(ProcessQuery.builder().pageSize(2).build()).count());
            try (Stream<PendingTask> tasks = approvals.pendingTasks(BOB)) {
                assertEquals(5, tasks.count(), "closing a stream is harmless");
            }
        }
    }

    // ------------------------------------------------------------------ threads

    @Test
    void oneServiceServesConcurrentCallers() throws Exception {
        int threads = 8;
        int perThread = 20;
        List<List<ProcessId>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<ProcessId> mine = new ArrayList<>();
            for (int i = 0; i < perThread; i++) {
                mine.add(seed("Concurrent").id());
            }
            work.add(mine);
        }
        ApprovalService approvals = store.connect();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger approved = new AtomicInteger();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (List<ProcessId> mine : work) {
                Callable<Void> caller = () -> {
                    go.await();
                    for (ProcessId id : mine) {
                        Task task = approvals.pendingTask(id, BOB).orElseThrow();
                        approvals.approve(ApproveCommand.of(task.id(), BOB, "ok"));
                        approvals.pendingTasks(BOB).limit(3).count(); // reads interleaved with writes
                        approved.incrementAndGet();
                    }
                    return null;
                };
                done.add(pool.submit(caller));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(threads * perThread, approved.get());
        work.stream().flatMap(List::stream).forEach(id ->
                assertEquals(ProcessState.APPROVED, approvals.process(id).orElseThrow().state()));
        assertEquals(0, approvals.pendingTasks(BOB).count());
        approvals.close();
    }

    // ------------------------------------------------------------------ closing

    @Test
    void aClosedServiceRefusesEveryCallClearly() {
        ApprovalProcess p = seed("Leave");
        ApprovalService approvals = store.connect();
        approvals.close();
        approvals.close(); // idempotent
        assertTrue(approvals.isClosed());
        ServiceClosedException e = assertThrows(ServiceClosedException.class, () -> approvals.process(p.id()));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        assertThrows(ServiceClosedException.class, () -> approvals.pendingTasks(BOB));
        assertThrows(ServiceClosedException.class, approvals::capabilities);
        assertEquals("in-memory", approvals.providerId(), "still says what it was");
    }

    @Test
    void theGuiceModuleClosesTheServiceItCreated() {
        ApprovalService service;
        try (ApprovalModule module = new ApprovalModule("in-memory", ConfigSources.explicitOnly(Map.of()),
                Clock.systemUTC())) {
            service = Guice.createInjector(module).getInstance(ApprovalService.class);
            assertFalse(service.isClosed());
        }
        assertTrue(service.isClosed());
    }

    // ------------------------------------------------------------------ honest start

    @Test
    void inputsAProviderCannotHonourAreRefusedBeforeAnyRequestOrReported() {
        List<StartCommand> sent = new ArrayList<>();
        ProviderPorts ports = ProviderPorts.builder("hooks").processStarter(c -> {
            sent.add(c);
            return StartReceipt.withoutProcess(Map.of("result", "ok"));
        }).build();
        ApprovalService service = new DefaultApprovalService(ports, Clock.systemUTC(), EnumSet.of(StartInput.INPUTS),
                ApprovalObserver.NONE);
        assertEquals(Set.of(StartInput.INPUTS), service.startInputs());

        StartCommand withRecord = StartCommand.builder("flow").record(RecordRef.of("Order", "SO-1")).initiator(ALICE)
                .input("amount", "1").build();
        InvalidRequestException refused = assertThrows(InvalidRequestException.class, () -> service.start(withRecord));
        assertTrue(refused.getMessage().contains("RECORD") && refused.getMessage().contains("INITIATOR")
                && refused.getMessage().contains("allowIgnoredInputs"), refused.getMessage());
        assertTrue(sent.isEmpty(), "refused before any request");

        StartReceipt receipt = service.start(StartCommand.builder("flow").record(RecordRef.of("Order", "SO-1"))
                .input("amount", "1").allowIgnoredInputs().build());
        assertEquals(Set.of(StartInput.RECORD), receipt.ignoredInputs());
        assertEquals(1, sent.size());
        assertEquals(Set.of(), service.start(StartCommand.of("flow", Map.of("amount", "2"))).ignoredInputs());
    }

    @Test
    void theInMemoryProviderHonoursEveryStartInput() {
        String flow = store.defineFlow("Expense", List.of(),
                List.of(StepPlan.approval("Manager", ApprovalMode.SINGLE, BOB)));
        try (ApprovalService approvals = store.connect()) {
            assertEquals(EnumSet.allOf(StartInput.class), approvals.startInputs());
            RecordRef order = RecordRef.of("Order", "SO-7");
            StartReceipt receipt = approvals.start(StartCommand.builder(flow).record(order).initiator(ALICE).build());
            assertEquals(Set.of(), receipt.ignoredInputs());
            assertEquals(order, approvals.process(receipt.process().orElseThrow()).orElseThrow().record());
        }
    }
}
