package org.openapproval.benchmarks;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openapproval.core.Approvals;
import org.openapproval.core.domain.ApprovalProcess;
import org.openapproval.core.domain.PendingTask;
import org.openapproval.core.domain.ProcessId;
import org.openapproval.core.domain.Task;
import org.openapproval.core.domain.TaskId;
import org.openapproval.core.domain.UserRef;
import org.openapproval.core.port.in.ApprovalService;
import org.openapproval.core.port.in.ApproveCommand;
import org.openapproval.core.port.in.ProcessQuery;
import org.openapproval.core.port.in.WriteReceipt;
import org.openapproval.core.spi.ConfigSources;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The Fxiaoke provider through {@code Approvals.connect("fxiaoke", …)} ({@code *_library}) against
 * {@link RawFxiaoke} ({@code *_raw}), both calling the same {@link LoopbackVendor}. Library and raw of one
 * benchmark sort next to each other, so JMH runs them one after the other in the same session.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SampleTime, Mode.Throughput})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Dsun.net.httpserver.nodelay=true", "-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 4, time = 1)
public class FxiaokeBench {
    static final String READER = "1001";
    static final String DECIDER = "1004";

    LoopbackVendor vendor;
    ApprovalService library;
    RawFxiaoke raw;
    ProcessId processId;
    TaskId pendingTask;
    ProcessQuery query;
    long from;
    long to;
    final AtomicLong freshApps = new AtomicLong();

    static Map<String, String> config(String url, String appId) {
        return Map.of("endpoint", url, "app-id", appId, "app-secret", "bench-secret",
                "permanent-code", "bench-code", "default-user-id", READER);
    }

    @Setup(Level.Trial)
    public void setUp() {
        vendor = LoopbackVendor.start();
        library = Approvals.connect("fxiaoke", ConfigSources.explicitOnly(config(vendor.url(), "FSAID_bench")));
        raw = RawFxiaoke.connect(vendor.url(), "FSAID_raw");
        processId = ProcessId.of(LoopbackVendor.FX_INSTANCE_ID);
        from = 1_709_000_000_000L;
        to = 1_710_000_000_000L;
        query = ProcessQuery.builder().definition(LoopbackVendor.FX_FLOW).from(Instant.ofEpochMilli(from))
                .to(Instant.ofEpochMilli(to)).pageSize(100).build();

        // both sides must do the same work: check what they return once, before measuring
        ApprovalProcess p = library.process(processId).orElseThrow();
        pendingTask = p.pendingTasks().stream().filter(t -> t.assignee().isSamePersonAs(UserRef.of(DECIDER)))
                .map(Task::id).findFirst().orElseThrow(() -> new IllegalStateException("no task pending for " + DECIDER));
        require(raw.detail(LoopbackVendor.FX_INSTANCE_ID, READER).tasks().size() == p.steps().size(), "process");
        List<PendingTask> tasks = library.pendingTasks(UserRef.of(DECIDER)).toList();
        List<RawFxiaoke.Pending> rawTasks = raw.pendingTasks(DECIDER);
        require(tasks.size() == LoopbackVendor.FX_TASK_PAGE && rawTasks.size() == tasks.size(),
                "pending tasks: library " + tasks.size() + ", raw " + rawTasks.size());
        long n = library.query(query).count();
        long m = raw.query(LoopbackVendor.FX_FLOW, from, to, 100);
        require(n == LoopbackVendor.QUERY_TOTAL && m == n, "query: library " + n + ", raw " + m);
        vendor.resetHits();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        library.close();
        vendor.close();
    }

    static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("library and raw differ: " + what);
        }
    }

    // ------------------------------------------------------------------ process(id)

    @Benchmark
    public ApprovalProcess process_library() {
        return library.process(processId).orElseThrow();
    }

    @Benchmark
    public RawFxiaoke.Detail process_raw() {
        return raw.detail(LoopbackVendor.FX_INSTANCE_ID, READER);
    }

    @Benchmark
    @Threads(32)
    @BenchmarkMode(Mode.Throughput)
    public ApprovalProcess processT32_library() {
        return library.process(processId).orElseThrow();
    }

    @Benchmark
    @Threads(32)
    @BenchmarkMode(Mode.Throughput)
    public RawFxiaoke.Detail processT32_raw() {
        return raw.detail(LoopbackVendor.FX_INSTANCE_ID, READER);
    }

    // ------------------------------------------------------------------ pendingTasks, first page

    @Benchmark
    public List<PendingTask> pendingTasks_library() {
        return library.pendingTasks(UserRef.of(DECIDER)).toList();
    }

    @Benchmark
    public List<RawFxiaoke.Pending> pendingTasks_raw() {
        return raw.pendingTasks(DECIDER);
    }

    // ------------------------------------------------------------------ query over 10,000 processes

    @Benchmark
    @Warmup(iterations = 2, time = 2)
    @Measurement(iterations = 3, time = 2)
    public void query10k_library(Blackhole bh) {
        library.query(query).forEach(bh::consume);
    }

    @Benchmark
    @Warmup(iterations = 2, time = 2)
    @Measurement(iterations = 3, time = 2)
    public long query10k_raw() {
        return raw.query(LoopbackVendor.FX_FLOW, from, to, 100);
    }

    // ------------------------------------------------------------------ approve: read, write, read back

    @Benchmark
    public WriteReceipt approve_library() {
        return library.approve(new ApproveCommand(pendingTask, UserRef.of(DECIDER), "approved in the benchmark"));
    }

    @Benchmark
    public RawFxiaoke.Detail approve_raw() {
        RawFxiaoke.Detail before = raw.detail(LoopbackVendor.FX_INSTANCE_ID, DECIDER);
        RawFxiaoke.Task task = before.tasks().stream().filter(t -> "task-b".equals(t.id())).findFirst().orElseThrow();
        if (!task.unCompletePersons().contains(DECIDER)) {
            throw new IllegalStateException("not pending");
        }
        raw.action(task.id(), "agree", "approved in the benchmark", DECIDER);
        return raw.detail(LoopbackVendor.FX_INSTANCE_ID, DECIDER);
    }

    // ------------------------------------------------------------------ a fresh provider's first call

    /** New credentials each time, so the token is really fetched (the provider shares tokens per credentials). */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public ApprovalProcess freshProvider_library() {
        try (ApprovalService fresh = Approvals.connect("fxiaoke", ConfigSources.explicitOnly(
                config(vendor.url(), "FSAID_fresh" + freshApps.incrementAndGet())))) {
            return fresh.process(processId).orElseThrow();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public RawFxiaoke.Detail freshProvider_raw() {
        return RawFxiaoke.connect(vendor.url(), "FSAID_fresh" + freshApps.incrementAndGet())
                .detail(LoopbackVendor.FX_INSTANCE_ID, READER);
    }
}
