package org.openapproval.adapter.fxiaoke.cluster;

import com.hazelcast.core.HazelcastInstance;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openapproval.core.Approvals;
import org.openapproval.core.domain.ProcessId;
import org.openapproval.core.port.in.ApprovalService;

/**
 * A second application node in its own JVM: joins the test's cluster with its own member, connects to the
 * sandbox through configuration only ({@code fxiaoke.shared-state=jcache}, found by ServiceLoader), says
 * {@code JOINED}, waits for {@code GO} on stdin, reads a process {@code calls} times and says {@code DONE n}.
 *
 * <p>Arguments: cluster name, own port, other member's port, sandbox config as key=value..., then
 * {@code process=<id>} and {@code calls=<n>}.
 */
public final class SecondJvmNode {
    private SecondJvmNode() {
    }

    public static void main(String[] args) throws Exception {
        String cluster = args[0];
        int port = Integer.parseInt(args[1]);
        int other = Integer.parseInt(args[2]);
        Map<String, String> config = new HashMap<>();
        for (int i = 3; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            config.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        ProcessId process = ProcessId.of(config.remove("process"));
        int calls = Integer.parseInt(config.remove("calls"));
        String instanceName = LoopbackMember.nodeName(cluster); // the same in every JVM: Hazelcast scopes caches by URI
        HazelcastInstance member = LoopbackMember.start(cluster, instanceName, port, List.of(other, port));
        try {
            config.put("shared-state", "jcache");
            config.put("shared-state-jcache-provider", LoopbackMember.MEMBER_CACHING_PROVIDER);
            config.put("shared-state-jcache-uri", instanceName); // Hazelcast: a URI that names a running member
            try (ApprovalService service = Approvals.connect("fxiaoke", config)) {
                System.out.println("JOINED " + member.getCluster().getMembers().size());
                System.out.flush();
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                if (!"GO".equals(in.readLine())) {
                    return;
                }
                ExecutorService pool = Executors.newFixedThreadPool(16);
                List<Future<Boolean>> results = new ArrayList<>();
                for (int i = 0; i < calls; i++) {
                    results.add(pool.submit(() -> service.process(process).isPresent()));
                }
                int ok = 0;
                for (Future<Boolean> result : results) {
                    ok += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }
                pool.shutdownNow();
                System.out.println("DONE " + ok);
                System.out.flush();
            }
        } finally {
            member.getLifecycleService().terminate();
        }
        System.exit(0); // a test main: no lingering client or member thread keeps this JVM up
    }
}
