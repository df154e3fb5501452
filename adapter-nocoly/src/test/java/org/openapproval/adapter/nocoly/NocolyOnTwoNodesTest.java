package org.openapproval.adapter.nocoly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openapproval.adapter.nocoly.cluster.LoopbackMember;
import org.openapproval.core.Approvals;
import org.openapproval.core.domain.ApprovalMode;
import org.openapproval.core.domain.RateLimitedException;
import org.openapproval.core.domain.StepPlan;
import org.openapproval.core.domain.UserRef;
import org.openapproval.core.port.in.ApprovalService;
import org.openapproval.core.spi.ProviderConfig;
import org.openapproval.sandbox.kit.ProcessSeed;
import org.openapproval.sandbox.kit.SeededProcess;
import org.openapproval.sandbox.nocoly.NocolySandbox;
import org.openapproval.sharedstate.jcache.JCacheSharedState;
import org.openapproval.tck.MutableClock;

/**
 * Two application nodes, each with its own embedded Hazelcast member (one cluster on 127.0.0.1) and its own
 * provider object, against one HAP sandbox: a throttling answer to one node holds both off.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NocolyOnTwoNodesTest {
    private static final String CLUSTER = "nocoly-two-nodes-" + UUID.randomUUID();
    private static HazelcastInstance memberA;
    private static HazelcastInstance memberB;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
    private final String prefix = "t" + UUID.randomUUID() + ".";
    private final List<ApprovalService> services = new ArrayList<>();
    private NocolySandbox sandbox;
    private SeededProcess seeded;

    @BeforeAll
    static void cluster() {
        List<Integer> ports = LoopbackMember.freePorts(2);
        memberA = LoopbackMember.start(CLUSTER, CLUSTER + "-a", ports.get(0), ports);
        memberB = LoopbackMember.start(CLUSTER, CLUSTER + "-b", ports.get(1), ports);
        assertEquals(2, memberB.getCluster().getMembers().size(), "both members joined one cluster");
    }

    @AfterAll
    static void leave() {
        memberA.getLifecycleService().terminate();
        memberB.getLifecycleService().terminate();
    }

    @BeforeEach
    void start() {
        sandbox = NocolySandbox.start(clock);
        seeded = sandbox.seedProcess(new ProcessSeed("Purchase approval", "PO-1", UserRef.of("alice"),
                List.of(StepPlan.approval("Manager", ApprovalMode.SINGLE, UserRef.of("bob")))));
    }

    @AfterEach
    void stop() {
        services.forEach(ApprovalService::close);
        sandbox.close();
    }

    /** One node: a provider object on its member's cache manager, as an application would build it. */
    private ApprovalService node(HazelcastInstance member) {
        Map<String, String> values = new HashMap<>(sandbox.connectionConfig());
        // one attempt: the read retryer's back-off would sleep on the wall clock; the hold-off is the subject
        values.putAll(Map.of("rate-limit-hold-off", "30s", "shared-state-wait", "1s", "retry-max-attempts", "1"));
        JCacheSharedState shared = JCacheSharedState.on(LoopbackMember.cacheManager(member), prefix,
                Duration.ofSeconds(1), clock);
        NocolyApprovalProvider provider = new NocolyApprovalProvider(clock, shared);
        ApprovalService service = Approvals.connect(provider, ProviderConfig.of(provider.descriptor(), values), clock);
        services.add(service);
        return service;
    }

    private void read(ApprovalService service) {
        assertTrue(service.process(seeded.process()).isPresent());
    }

    @Test
    void aRequestCountAnswerOnNodeAHoldsNodeBOffWithoutARequest() {
        ApprovalService a = node(memberA);
        ApprovalService b = node(memberB);
        read(a);
        read(b);
        sandbox.forceErrorCode(90000, "请求次数超出限制", 1);

        RateLimitedException seenByA = assertThrows(RateLimitedException.class, () -> a.process(seeded.process()));
        assertEquals(Optional.of("90000"), seenByA.vendorCode(), "node A got HAP's answer");

        long sent = sandbox.requestCount();
        RateLimitedException refusedByB = assertThrows(RateLimitedException.class,
                () -> b.process(seeded.process()));
        assertEquals(sent, sandbox.requestCount(), "node B sent nothing");
        assertEquals(Optional.of("nocoly"), refusedByB.providerId());
        assertEquals(Optional.of(Duration.ofSeconds(30)), refusedByB.retryAfter(),
                "HAP sent no Retry-After: the configured hold-off, all of it still to come");
        assertTrue(refusedByB.reason().startsWith("Not sent"), refusedByB.reason());

        clock.advance(Duration.ofSeconds(28)); // 2 s left: more than the 1 s a call may wait
        RateLimitedException refusedByA = assertThrows(RateLimitedException.class,
                () -> a.process(seeded.process()));
        assertEquals(Optional.of(Duration.ofSeconds(2)), refusedByA.retryAfter());
        assertEquals(sent, sandbox.requestCount(), "node A holds off too");

        clock.advance(Duration.ofSeconds(2)); // the hold-off is over on both nodes
        read(b);
        read(a);
    }

    @Test
    void aThrottledAnswerOnNodeAHoldsNodeBOffLikewise() {
        ApprovalService a = node(memberA);
        ApprovalService b = node(memberB);
        read(a);
        sandbox.forceErrorCode(51, "请求限流", 1);
        assertThrows(RateLimitedException.class, () -> a.process(seeded.process()));
        long sent = sandbox.requestCount();
        assertThrows(RateLimitedException.class, () -> b.process(seeded.process()));
        assertEquals(sent, sandbox.requestCount());
    }
}
