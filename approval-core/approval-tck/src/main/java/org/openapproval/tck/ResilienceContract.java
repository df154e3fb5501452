package org.openapproval.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.openapproval.core.Approvals;
import org.openapproval.core.domain.ApprovalException;
import org.openapproval.core.domain.ApprovalMode;
import org.openapproval.core.domain.ApprovalProcess;
import org.openapproval.core.domain.OutcomeUnknownException;
import org.openapproval.core.domain.ProcessId;
import org.openapproval.core.domain.StepPlan;
import org.openapproval.core.domain.Task;
import org.openapproval.core.domain.TaskId;
import org.openapproval.core.domain.TaskNotPendingException;
import org.openapproval.core.domain.UserRef;
import org.openapproval.core.domain.VendorProtocolException;
import org.openapproval.core.domain.VendorTimeoutException;
import org.openapproval.core.domain.VendorUnavailableException;
import org.openapproval.core.port.in.ApprovalService;
import org.openapproval.core.port.in.ApproveCommand;
import org.openapproval.core.port.in.Capability;
import org.openapproval.core.port.in.WriteReceipt;
import org.openapproval.core.spi.ApprovalProvider;
import org.openapproval.core.spi.ConfigKey;
import org.openapproval.core.spi.ProviderConfig;
import org.openapproval.core.spi.ProviderConfigurationException;
import org.openapproval.sandbox.kit.Fault;
import org.openapproval.sandbox.kit.ProcessSeed;
import org.openapproval.sandbox.kit.ProviderSandbox;
import org.openapproval.sandbox.kit.SeededProcess;

/**
 * The resilience suite: a provider against a sandbox that misbehaves the way hostile vendors and flaky networks
 * do (dripping and endless bodies, huge answers, resets after a write was applied, error messages that echo
 * the request or carry terminal control sequences), and against hostile input (header-bound config values,
 * ids that are not ids). Every call must end within its configured time-outs, read at most its configured
 * size, free what it holds on close and never echo a secret. Subclass it as the provider contract is
 * subclassed; it configures short time-outs and a small maximum response size itself.
 *
 * <p>Deterministic and bounded: no sleeps for synchronisation, each test under a JUnit time-out; the cases
 * tried and passed per area are printed when the class ends.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ResilienceContract {
    protected static final UserRef ALICE = UserRef.of("alice");
    protected static final UserRef BOB = UserRef.of("bob");
    protected static final UserRef CAROL = UserRef.of("carol");
    /** The configured read time-out: every call must end within connect + read time-out, body included. */
    protected static final String READ_TIMEOUT = "400ms";
    protected static final String MAX_RESPONSE_SIZE = "1MB";
    protected static final int RETRY_ATTEMPTS = 3;
    private static final Pattern CREDENTIAL_LEFT = Pattern.compile(
            "(?i)(sign|token|secret|permanentcode|bearer)[\"']?\\s*[=: ]\\s*[\"'\\[]?(?!\\*\\*\\*\\*)[A-Za-z0-9+/=_.-]{12,}");

    private ProviderSandbox sandbox;
    private ApprovalService service;
    private final Map<String, int[]> cases = new TreeMap<>();
    private int seeded;

    /** Starts the sandbox the suite drives. */
    protected abstract ProviderSandbox startSandbox(Clock clock);

    /** The provider under test; by default the sandbox's. */
    protected ApprovalProvider provider() {
        return sandbox.provider();
    }

    /** The clock shared by sandbox and service. */
    protected Clock clock() {
        return Clock.systemUTC();
    }

    /** Config keys whose values travel in headers or query strings. */
    protected abstract List<String> wireKeys();

    /** The comment decisions carry (some vendors require one). */
    protected String comment() {
        return "checked by the resilience suite";
    }

    /** A process id of the provider's own shape with its last segment replaced by {@code segment}. */
    protected ProcessId withLastSegment(ProcessId id, String segment) {
        List<String> segments = new ArrayList<>(id.segments());
        segments.set(segments.size() - 1, segment);
        return new ProcessId(segments);
    }

    // =================================================================== set-up and counting

    @BeforeAll
    void start() {
        sandbox = startSandbox(clock());
        service = connect(Map.of());
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
        StringBuilder out = new StringBuilder("resilience " + provider().descriptor().id() + ":");
        int tried = 0;
        int passed = 0;
        for (Map.Entry<String, int[]> e : cases.entrySet()) {
            out.append("\n  ").append(e.getKey()).append(": ").append(e.getValue()[0]).append(" tried, ")
                    .append(e.getValue()[1]).append(" passed");
            tried += e.getValue()[0];
            passed += e.getValue()[1];
        }
        System.out.println(out.append("\n  total: ").append(tried).append(" tried, ").append(passed)
                .append(" passed"));
    }

    @BeforeEach
    void clearFaults() {
        sandbox.clearFaults();
    }

    /** Config for the sandbox with the suite's short time-outs and small maximum size, then {@code overrides}. */
    protected final Map<String, String> config(Map<String, String> overrides) {
        Map<String, String> config = new LinkedHashMap<>(sandbox.connectionConfig());
        config.put("connect-timeout", "1s");
        config.put("read-timeout", READ_TIMEOUT);
        if (provider().descriptor().configKey("max-response-size").isPresent()) {
            config.put("max-response-size", MAX_RESPONSE_SIZE);
        }
        config.put("retry-max-attempts", String.valueOf(RETRY_ATTEMPTS));
        config.putAll(overrides);
        return config;
    }

    protected final ApprovalService connect(Map<String, String> overrides) {
        ApprovalProvider p = provider();
        return Approvals.connect(p, ProviderConfig.of(p.descriptor(), config(overrides)), clock());
    }

    protected final ProviderSandbox sandbox() {
        return sandbox;
    }

    protected final ApprovalService service() {
        return service;
    }

    /** Runs one case of {@code area}, counting it tried and (if it returns) passed. */
    protected final void check(String area, Runnable scenario) {
        int[] count = cases.computeIfAbsent(area, a -> new int[2]);
        count[0]++;
        scenario.run();
        count[1]++;
    }

    protected final SeededProcess seed() {
        seeded++;
        return sandbox.seedProcess(new ProcessSeed("Resilience review", "Resilience record " + seeded, ALICE,
                List.of(StepPlan.approval("Manager review", ApprovalMode.SINGLE, BOB),
                        StepPlan.approval("Finance review", ApprovalMode.SINGLE, CAROL))));
    }

    private TaskId bobsTask(SeededProcess p) {
        ApprovalProcess read = service.process(p.process()).orElseThrow();
        return read.pendingTasks().stream().filter(t -> t.assignee().isSamePersonAs(BOB)).map(Task::id).findFirst()
                .orElseThrow();
    }

    private boolean canDecide() {
        return service.capabilities().contains(Capability.APPROVE);
    }

    // =================================================================== 1. endless bodies

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void endlessBodiesEndReadsWithATimeOut() {
        SeededProcess p = seed();
        for (Fault.Kind kind : List.of(Fault.Kind.DRIPPING_BODY, Fault.Kind.ENDLESS_CHUNKED_BODY)) {
            check("1 endless body", () -> {
                sandbox.injectFault(new Fault(kind, 20, Duration.ofMillis(50), Fault.Scope.ALL_REQUESTS));
                ApprovalException e = assertThrows(ApprovalException.class, () -> service.process(p.process()));
                assertInstanceOf(VendorTimeoutException.class, e, kind + ": " + e);
                sandbox.clearFaults();
                assertTrue(service.process(p.process()).isPresent(), "the service works again after " + kind);
            });
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void endlessBodiesOnAWriteAreReconciled() {
        if (!canDecide()) {
            return;
        }
        for (Fault.Kind kind : List.of(Fault.Kind.DRIPPING_BODY, Fault.Kind.ENDLESS_CHUNKED_BODY)) {
            check("1 endless body", () -> {
                SeededProcess p = seed();
                TaskId task = bobsTask(p);
                sandbox.injectFault(new Fault(kind, 1, Duration.ofMillis(50), Fault.Scope.WRITES));
                WriteReceipt receipt = writeOrUnknown(() -> service.approve(ApproveCommand.of(task, BOB, comment())));
                if (receipt != null) {
                    assertTrue(receipt.confirmedByReadBack(), kind + ": the applied write is confirmed by a read-back");
                }
            });
        }
    }

    private static WriteReceipt writeOrUnknown(java.util.function.Supplier<WriteReceipt> write) {
        try {
            return write.get();
        } catch (OutcomeUnknownException unknown) {
            return null; // the documented other end of reconciliation
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void anInterruptedCallerReturnsPromptlyWithItsFlagKept() throws Exception {
        SeededProcess p = seed();
        for (int i = 0; i < 5; i++) {
            check("1 endless body", () -> {
                // a long read time-out: only the interrupt can end this call early
                try (ApprovalService slow = connect(Map.of("read-timeout", "5m"))) {
                    slow.process(p.process()); // warm (tokens) before the fault
                    sandbox.injectFault(new Fault(Fault.Kind.DRIPPING_BODY, 1, Duration.ofMillis(50),
                            Fault.Scope.ALL_REQUESTS));
                    long before = sandbox.requestCount();
                    AtomicReference<Throwable> thrown = new AtomicReference<>();
                    AtomicBoolean flagKept = new AtomicBoolean();
                    Thread caller = new Thread(() -> {
                        try {
                            slow.process(p.process());
                        } catch (RuntimeException e) {
                            thrown.set(e);
                        }
                        flagKept.set(Thread.currentThread().isInterrupted());
                    }, "resilience-caller");
                    caller.start();
                    awaitRequest(before);
                    caller.interrupt();
                    caller.join(TimeUnit.SECONDS.toMillis(20));
                    assertFalse(caller.isAlive(), "the interrupted caller returned");
                    assertTrue(flagKept.get(), "the interrupt flag is kept");
                    assertNotNull(thrown.get(), "the interrupted call failed");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    fail(e);
                }
            });
        }
    }

    /** Waits (bounded) until the sandbox has received a request after {@code before}. */
    private void awaitRequest(long before) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (sandbox.requestCount() <= before) {
            if (System.nanoTime() > deadline) {
                fail("the request never reached the sandbox");
            }
            Thread.onSpinWait();
            Thread.sleep(1); // polling a counter, bounded; not used to order events
        }
    }

    // =================================================================== 2. huge answers

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aHugeAnswerIsAProtocolErrorAndNothingBreaks() {
        SeededProcess p = seed();
        List<Runnable> reads = new ArrayList<>(List.of(() -> service.process(p.process()),
                () -> service.processesOf(p.record())));
        if (service.capabilities().contains(Capability.PENDING_TASKS)) {
            reads.add(() -> service.pendingTasks(BOB).count());
        }
        for (Runnable read : reads) {
            check("2 huge answer", () -> {
                long before = sandbox.requestCount();
                sandbox.injectFault(new Fault(Fault.Kind.HUGE_BODY, 10, Duration.ZERO, Fault.Scope.ALL_REQUESTS));
                VendorProtocolException e = assertThrows(VendorProtocolException.class, read::run);
                assertTrue(e.getMessage().contains("max-response-size"), e.getMessage());
                assertTrue(sandbox.requestCount() - before <= 2, "a too-large answer is not retried");
                sandbox.clearFaults();
                assertTrue(service.process(p.process()).isPresent(), "the service works after a huge answer");
            });
        }
        if (canDecide()) {
            check("2 huge answer", () -> {
                SeededProcess q = seed();
                TaskId task = bobsTask(q);
                sandbox.injectFault(new Fault(Fault.Kind.HUGE_BODY, 1, Duration.ZERO, Fault.Scope.WRITES));
                WriteReceipt receipt = writeOrUnknown(() -> service.approve(ApproveCommand.of(task, BOB, comment())));
                if (receipt != null) {
                    assertTrue(receipt.confirmedByReadBack());
                }
            });
        }
    }

    // =================================================================== 3. close frees everything

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void connectCallCloseChurnKeepsThreadsAndDescriptorsFlat() throws Exception {
        SeededProcess p = seed();
        for (int i = 0; i < 10; i++) { // warm up class loading, pools, the sandbox's threads
            try (ApprovalService s = connect(Map.of())) {
                s.process(p.process());
            }
        }
        int threadsBefore = settledThreads(Integer.MAX_VALUE);
        long fdsBefore = openDescriptors();
        int cycles = 200;
        for (int i = 0; i < cycles; i++) {
            check("3 churn", () -> {
                try (ApprovalService s = connect(Map.of())) {
                    assertTrue(s.process(p.process()).isPresent());
                }
            });
        }
        int threadsAfter = settledThreads(threadsBefore + 16);
        long fdsAfter = settledDescriptors(fdsBefore + 32);
        check("3 churn", () -> assertTrue(threadsAfter <= threadsBefore + 16,
                "threads " + threadsBefore + " -> " + threadsAfter + " after " + cycles + " cycles"));
        if (fdsBefore >= 0) {
            check("3 churn", () -> assertTrue(fdsAfter <= fdsBefore + 32,
                    "file descriptors " + fdsBefore + " -> " + fdsAfter + " after " + cycles + " cycles"));
        }
    }

    /**
     * The live thread count once it is at most {@code target}, or after a bounded wait. JDK 17's HTTP client has
     * no close: its selector thread ends once the client is collected, so collection is requested here.
     */
    private static int settledThreads(int target) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int count;
        do {
            System.gc();
            count = ManagementFactory.getThreadMXBean().getThreadCount();
            if (count <= target) {
                return count;
            }
            Thread.sleep(100); // bounded polling for collection; not ordering events
        } while (System.nanoTime() < deadline);
        return count;
    }

    /** Like {@link #settledThreads}: sockets and selectors of a collected client close shortly after. */
    private static long settledDescriptors(long target) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long count;
        do {
            System.gc();
            count = openDescriptors();
            if (count <= target) {
                return count;
            }
            Thread.sleep(100); // bounded polling for collection; not ordering events
        } while (System.nanoTime() < deadline);
        return count;
    }

    private static long openDescriptors() {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return -1;
        }
        try (Stream<Path> list = Files.list(fds)) {
            return list.count();
        } catch (IOException e) {
            return -1;
        }
    }

    // =================================================================== 4. vendor text scrubbed

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void echoedRequestsNeverShowASecret() {
        SeededProcess p = seed();
        List<String> secrets = secretValues();
        List<Runnable> calls = new ArrayList<>(List.of(() -> service.process(p.process())));
        // a fresh service: its very first call is the token call, where a secret travels in the body
        calls.add(() -> {
            try (ApprovalService fresh = connect(Map.of())) {
                fresh.process(p.process());
            }
        });
        if (canDecide()) {
            calls.add(() -> service.approve(ApproveCommand.of(bobsTask(p), BOB, comment())));
        }
        if (service.capabilities().contains(Capability.PENDING_TASKS)) {
            calls.add(() -> service.pendingTasks(BOB).count());
        }
        for (Runnable call : calls) {
            check("4 scrubbed vendor text", () -> {
                sandbox.injectFault(new Fault(Fault.Kind.ECHOING_ERROR, 20, Duration.ZERO, Fault.Scope.ALL_REQUESTS));
                ApprovalException e = assertThrows(ApprovalException.class, call::run);
                String everything = everything(e);
                for (String secret : secrets) {
                    assertFalse(everything.contains(secret), "a configured secret is echoed: " + everything);
                }
                assertFalse(CREDENTIAL_LEFT.matcher(everything).find(), "a credential is echoed: " + everything);
                sandbox.clearFaults();
            });
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void controlSequencesInVendorTextAreEscaped() {
        SeededProcess p = seed();
        check("4 scrubbed vendor text", () -> {
            sandbox.injectFault(new Fault(Fault.Kind.CONTROL_CHARACTERS_IN_ERROR, 20, Duration.ZERO,
                    Fault.Scope.ALL_REQUESTS));
            ApprovalException e = assertThrows(ApprovalException.class, () -> service.process(p.process()));
            for (String text : new String[] {e.getMessage(), e.context().vendorMessage().orElse("")}) {
                assertTrue(text.codePoints().noneMatch(c -> Character.isISOControl(c)
                        || Character.getType(c) == Character.FORMAT), "unescaped control characters: " + text);
            }
        });
    }

    private List<String> secretValues() {
        ProviderConfig config = ProviderConfig.of(provider().descriptor(), config(Map.of()));
        return provider().descriptor().configKeys().stream().filter(ConfigKey::secret)
                .flatMap(k -> config.get(k.name()).stream()).toList();
    }

    /** The exception as a log would show it: message, causes and suppressed, stack traces included. */
    protected static String everything(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    // =================================================================== 6. strict configuration

    @Test
    void headerBoundValuesAreRefusedAtConnectNamingTheKey() {
        ApprovalProvider provider = provider();
        for (String key : wireKeys()) {
            for (String bad : List.of("ab\r\nX-Injected: 1", "ab\u0000cd", "abc\u00e9", "ab cd", "ab\tcd")) {
                check("6 strict configuration", () -> {
                    Map<String, String> values = config(Map.of(key, bad));
                    ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class,
                            () -> provider.create(ProviderConfig.of(provider.descriptor(), values)));
                    assertTrue(e.getMessage().contains(key), e.getMessage());
                    assertFalse(e.getMessage().contains(bad), "the bad value is quoted: " + e.getMessage());
                });
            }
        }
    }

    @Test
    void upperCaseSchemeAndHostWork() {
        SeededProcess p = seed();
        check("6 strict configuration", () -> {
            String endpoint = sandbox.connectionConfig().get("endpoint").replace("http://", "HTTP://");
            Map<String, String> overrides = new LinkedHashMap<>();
            sandbox.connectionConfig().forEach((k, v) -> {
                if (v.equals(sandbox.connectionConfig().get("endpoint"))) {
                    overrides.put(k, endpoint);
                }
            });
            try (ApprovalService upper = connect(overrides)) {
                assertTrue(upper.process(p.process()).isPresent());
            }
        });
    }

    @Test
    void aSecretUnderTheWrongKeyIsNeverQuoted() {
        ApprovalProvider provider = provider();
        List<String> secrets = secretValues();
        for (String secret : secrets) {
            for (String key : List.of("connect-timeout", "retry-max-attempts", "max-response-size", "endpoint")) {
                check("6 strict configuration", () -> {
                    Map<String, String> values = config(Map.of(key, secret));
                    ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class,
                            () -> provider.create(ProviderConfig.of(provider.descriptor(), values)));
                    assertFalse(everything(e).contains(secret), "a secret is quoted: " + e.getMessage());
                });
            }
        }
    }

    // =================================================================== 7. validation before I/O

    @Test
    void nullIdsAreRefusedNamingTheArgument() {
        check("7 validation before I/O", () -> {
            NullPointerException e = assertThrows(NullPointerException.class, () -> ProcessId.of((String[]) null));
            assertNotNull(e.getMessage());
        });
        check("7 validation before I/O", () -> {
            NullPointerException e = assertThrows(NullPointerException.class,
                    () -> TaskId.of(ProcessId.of("p"), (String[]) null));
            assertNotNull(e.getMessage());
        });
        check("7 validation before I/O", () -> {
            NullPointerException e = assertThrows(NullPointerException.class,
                    () -> TaskId.of(ProcessId.of("p"), (String) null));
            assertNotNull(e.getMessage());
        });
    }

    @Test
    void idsThatCannotBeVendorIdsNeverReachTheVendor() {
        SeededProcess p = seed();
        service.process(p.process()); // tokens fetched before counting
        for (String bad : List.of("a/b", "..", "a?b=c", "a#b", "a b", "a\u0001b", "%2e%2e", "a\\b", "a&b=c")) {
            check("7 validation before I/O", () -> {
                long before = sandbox.requestCount();
                try {
                    assertTrue(service.process(withLastSegment(p.process(), bad)).isEmpty());
                } catch (IllegalArgumentException | ApprovalException refused) {
                    // refused outright is as good as "no such process"
                }
                assertEquals(before, sandbox.requestCount(), "'" + bad + "' reached the vendor");
            });
            if (service.capabilities().contains(Capability.PENDING_TASKS)) {
                check("7 validation before I/O", () -> {
                    long before = sandbox.requestCount();
                    try {
                        service.pendingTasks(new UserRef(bad, "x")).count();
                        fail("'" + bad + "' was accepted as a user id");
                    } catch (IllegalArgumentException | ApprovalException refused) {
                        // expected
                    }
                    assertEquals(before, sandbox.requestCount(), "user '" + bad + "' reached the vendor");
                });
            }
        }
    }

    // =================================================================== 8. retries

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aResetReadMakesNoMoreRequestsThanTheConfiguredAttempts() {
        SeededProcess p = seed();
        service.process(p.process());
        for (int i = 0; i < 3; i++) {
            check("8 retries", () -> {
                long before = sandbox.requestCount();
                sandbox.injectFault(new Fault(Fault.Kind.RESET_AFTER_APPLY, 50, Duration.ZERO,
                        Fault.Scope.ALL_REQUESTS));
                assertThrows(VendorUnavailableException.class, () -> service.process(p.process()));
                long made = sandbox.requestCount() - before;
                assertTrue(made <= RETRY_ATTEMPTS, made + " requests for " + RETRY_ATTEMPTS + " configured attempts");
                sandbox.clearFaults();
            });
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aResetAfterAnAppliedWriteIsReconciled() {
        if (!canDecide()) {
            return;
        }
        check("8 retries", () -> {
            SeededProcess p = seed();
            TaskId task = bobsTask(p);
            long before = sandbox.requestCount();
            sandbox.injectFault(new Fault(Fault.Kind.RESET_AFTER_APPLY, 1, Duration.ZERO, Fault.Scope.WRITES));
            WriteReceipt receipt = writeOrUnknown(() -> service.approve(ApproveCommand.of(task, BOB, comment())));
            if (receipt != null) {
                assertTrue(receipt.confirmedByReadBack());
            }
            assertTrue(sandbox.requestCount() - before <= 4, "the write was sent once, then read back");
        });
    }

    // =================================================================== 9. racing decisions

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void racingDecidersLoseWithTaskNotPending() throws Exception {
        if (!canDecide()) {
            return;
        }
        int racers = 16;
        for (int round = 0; round < 3; round++) {
            SeededProcess p = seed();
            TaskId task = bobsTask(p);
            ExecutorService pool = Executors.newFixedThreadPool(racers);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Object>> results = new ArrayList<>();
                for (int i = 0; i < racers; i++) {
                    results.add(pool.submit(() -> {
                        go.await();
                        try {
                            return service.approve(ApproveCommand.of(task, BOB, comment()));
                        } catch (RuntimeException e) {
                            return e;
                        }
                    }));
                }
                go.countDown();
                int wins = 0;
                List<Object> losses = new ArrayList<>();
                for (Future<Object> f : results) {
                    Object r = f.get(60, TimeUnit.SECONDS);
                    if (r instanceof WriteReceipt) {
                        wins++;
                    } else {
                        losses.add(r);
                    }
                }
                int won = wins;
                check("9 racing decisions", () -> assertEquals(1, won, "exactly one decider wins: " + losses));
                for (Object loss : losses) {
                    check("9 racing decisions", () -> assertInstanceOf(TaskNotPendingException.class, loss,
                            String.valueOf(loss)));
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
