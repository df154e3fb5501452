package org.openapproval.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openapproval.core.Approvals;
import org.openapproval.core.domain.ApprovalProcess;
import org.openapproval.core.domain.PendingTask;
import org.openapproval.core.domain.ProcessId;
import org.openapproval.core.domain.Task;
import org.openapproval.core.domain.UserRef;
import org.openapproval.core.port.in.ApprovalService;
import org.openapproval.core.port.in.ApproveCommand;
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

/**
 * The Nocoly provider through {@code Approvals.connect("nocoly", …)} ({@code *_library}) against
 * {@link RawNocoly} ({@code *_raw}), both calling the same {@link LoopbackVendor}; the process read is the
 * W5 documented example (seed page).
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SampleTime, Mode.Throughput})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Dsun.net.httpserver.nodelay=true", "-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 4, time = 1)
public class NocolyBench {
    LoopbackVendor vendor;
    ApprovalService library;
    RawNocoly raw;
    ProcessId processId;
    Task pending;
    String workId;

    @Setup(Level.Trial)
    public void setUp() {
        vendor = LoopbackVendor.start();
        library = Approvals.connect("nocoly", ConfigSources.explicitOnly(Map.of("endpoint", vendor.url(),
                "app-key", "bench-app-key", "sign", "bench-sign", "org-app-key", "bench-org-key",
                "org-secret-key", "bench-org-secret")));
        raw = new RawNocoly(vendor.url(), "bench-app-key", "bench-sign", "bench-org-key", "bench-org-secret");
        processId = ProcessId.of(LoopbackVendor.NOCOLY_WORKSHEET, LoopbackVendor.NOCOLY_ROW,
                LoopbackVendor.NOCOLY_INSTANCE);

        ApprovalProcess p = library.process(processId).orElseThrow();
        pending = p.pendingTasks().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("the W5 example has no pending task"));
        RawNocoly.Detail d = raw.detail(LoopbackVendor.NOCOLY_WORKSHEET, LoopbackVendor.NOCOLY_ROW,
                LoopbackVendor.NOCOLY_INSTANCE);
        workId = pendingWorkId(d, pending.assignee().id());
        List<PendingTask> tasks = firstPage();
        List<RawNocoly.TodoItem> rawTasks = raw.pendingTasks(pending.assignee().id(), 50);
        FxiaokeBench.require(tasks.size() == LoopbackVendor.NOCOLY_TODO_PAGE && rawTasks.size() == tasks.size(),
                "pending tasks: library " + tasks.size() + ", raw " + rawTasks.size());
        vendor.resetHits();
    }

    /** The work of the first work item still waiting for the account (operationType 0, an approval type 4). */
    static String pendingWorkId(RawNocoly.Detail d, String accountId) {
        for (RawNocoly.Work w : d.works()) {
            for (RawNocoly.WorkItem i : w.workItems()) {
                if (i.workItemAccount() != null && accountId.equals(i.workItemAccount().accountId())
                        && Integer.valueOf(4).equals(i.type()) && i.operationTime() == null) {
                    return w.workId();
                }
            }
        }
        throw new IllegalStateException("raw: nothing pending for " + accountId);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        library.close();
        vendor.close();
    }

    private List<PendingTask> firstPage() {
        return library.pendingTasks(pending.assignee()).limit(LoopbackVendor.NOCOLY_TODO_PAGE).toList();
    }

    // ------------------------------------------------------------------ process(id), W5

    @Benchmark
    public ApprovalProcess process_library() {
        return library.process(processId).orElseThrow();
    }

    @Benchmark
    public RawNocoly.Detail process_raw() {
        return raw.detail(LoopbackVendor.NOCOLY_WORKSHEET, LoopbackVendor.NOCOLY_ROW, LoopbackVendor.NOCOLY_INSTANCE);
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
    public RawNocoly.Detail processT32_raw() {
        return raw.detail(LoopbackVendor.NOCOLY_WORKSHEET, LoopbackVendor.NOCOLY_ROW, LoopbackVendor.NOCOLY_INSTANCE);
    }

    // ------------------------------------------------------------------ pendingTasks, first page

    @Benchmark
    public List<PendingTask> pendingTasks_library() {
        return firstPage();
    }

    @Benchmark
    public List<RawNocoly.TodoItem> pendingTasks_raw() {
        return raw.pendingTasks(pending.assignee().id(), 50);
    }

    // ------------------------------------------------------------------ approve: read, write, read back

    @Benchmark
    public WriteReceipt approve_library() {
        return library.approve(new ApproveCommand(pending.id(), pending.assignee(), "approved in the benchmark"));
    }

    @Benchmark
    public RawNocoly.Detail approve_raw() {
        String account = pending.assignee().id();
        RawNocoly.Detail before = raw.detail(LoopbackVendor.NOCOLY_WORKSHEET, LoopbackVendor.NOCOLY_ROW,
                LoopbackVendor.NOCOLY_INSTANCE);
        raw.pass(account, LoopbackVendor.NOCOLY_INSTANCE, pendingWorkId(before, account), "approved in the benchmark");
        return raw.detail(LoopbackVendor.NOCOLY_WORKSHEET, LoopbackVendor.NOCOLY_ROW, LoopbackVendor.NOCOLY_INSTANCE);
    }
}
