package org.openapproval.adapter.fxiaoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openapproval.adapter.fxiaoke.cluster.LoopbackMember;
import org.openapproval.adapter.fxiaoke.cluster.SecondJvmNode;
import org.openapproval.core.Approvals;
import org.openapproval.core.domain.ApprovalMode;
import org.openapproval.core.domain.StepPlan;
import org.openapproval.core.domain.UserRef;
import org.openapproval.core.port.in.ApprovalService;
import org.openapproval.sandbox.fxiaoke.FxiaokeSandbox;
import org.openapproval.sandbox.kit.ProcessSeed;
import org.openapproval.sandbox.kit.SeededProcess;

/** Two nodes in two JVMs, one cluster on 127.0.0.1: concurrent first calls on both make one token request. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class FxiaokeOnTwoJvmsTest {
    /** The second JVM runs on its system clock, so this one does too: tokens are stamped by one time. */
    private final Clock clock = Clock.systemUTC();

    @Test
    void concurrentFirstCallsInTwoJvmsMakeOneTokenRequest() throws Exception {
        String cluster = "fxiaoke-two-jvms-" + UUID.randomUUID();
        List<Integer> ports = LoopbackMember.freePorts(2);
        HazelcastInstance member = LoopbackMember.start(cluster, LoopbackMember.nodeName(cluster), ports.get(0),
                ports);
        Process second = null;
        try (FxiaokeSandbox sandbox = FxiaokeSandbox.start(clock)) {
            SeededProcess seeded = sandbox.seedProcess(new ProcessSeed("Contract review", "Contract 1",
                    UserRef.of("2001"), List.of(StepPlan.approval("Manager", ApprovalMode.SINGLE, UserRef.of("2002")))));
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "-Xshare:off",
                    SecondJvmNode.class.getName(), cluster, String.valueOf(ports.get(1)), String.valueOf(ports.get(0))));
            sandbox.connectionConfig().forEach((k, v) -> command.add(k + "=" + v));
            command.add("process=" + seeded.process().value());
            command.add("calls=200");
            second = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(second.getInputStream(),
                    StandardCharsets.UTF_8));
            assertEquals("JOINED 2", out.readLine(), "the second JVM's member joined this one");

            // this JVM's node is configured exactly like the second one: by keys only
            Map<String, String> values = new HashMap<>(sandbox.connectionConfig());
            values.put("shared-state", "jcache");
            values.put("shared-state-jcache-provider", LoopbackMember.MEMBER_CACHING_PROVIDER);
            values.put("shared-state-jcache-uri", LoopbackMember.nodeName(cluster));
            try (ApprovalService here = Approvals.connect("fxiaoke", values)) {
                ExecutorService pool = Executors.newFixedThreadPool(16);
                try {
                    Writer in = new OutputStreamWriter(second.getOutputStream(), StandardCharsets.UTF_8);
                    in.write("GO\n");
                    in.flush();
                    List<Future<Boolean>> calls = new ArrayList<>();
                    for (int i = 0; i < 200; i++) {
                        calls.add(pool.submit(() -> here.process(seeded.process()).isPresent()));
                    }
                    for (Future<Boolean> call : calls) {
                        assertTrue(call.get(60, TimeUnit.SECONDS));
                    }
                } finally {
                    pool.shutdownNow();
                }
                assertEquals("DONE 200", out.readLine(), "every call in the second JVM succeeded");
            }
            assertTrue(second.waitFor(30, TimeUnit.SECONDS), "the second JVM ended");
            assertEquals(1, sandbox.tokenRequestCount(), "one token for both JVMs");
        } finally {
            if (second != null) {
                second.destroyForcibly();
            }
            member.getLifecycleService().terminate();
        }
    }
}
