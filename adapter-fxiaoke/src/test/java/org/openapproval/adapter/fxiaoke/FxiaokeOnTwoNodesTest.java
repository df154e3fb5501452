package org.openapproval.adapter.fxiaoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openapproval.adapter.fxiaoke.cluster.LoopbackMember;
import org.openapproval.core.Approvals;
import org.openapproval.core.domain.ApprovalMode;
import org.openapproval.core.domain.QuotaExhaustedException;
import org.openapproval.core.domain.RateLimitedException;
import org.openapproval.core.domain.StepPlan;
import org.openapproval.core.domain.UserRef;
import org.openapproval.core.port.in.ApprovalService;
import org.openapproval.core.spi.ProviderConfig;
import org.openapproval.sandbox.fxiaoke.FxiaokeSandbox;
import org.openapproval.sandbox.kit.ProcessSeed;
import org.openapproval.sandbox.kit.SeededProcess;
import org.openapproval.sharedstate.jcache.JCacheSharedState;
import org.openapproval.tck.MutableClock;

/**
 * Two application nodes, each with its own embedded Hazelcast member (one cluster on 127.0.0.1) and its own
 * provider object, against one Fxiaoke sandbox: the vendor sees one app, however many nodes call it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FxiaokeOnTwoNodesTest {
    private static final String CLUSTER = "fxiaoke-two-nodes-" + UUID.randomUUID();
    private static HazelcastInstance memberA;
    private static HazelcastInstance memberB;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z")); // 16:00 in China
    private final String prefix = "t" + UUID.randomUUID() + ".";
    private final List<ApprovalService> services = new ArrayList<>();
    private FxiaokeSandbox sandbox;
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
        sandbox = FxiaokeSandbox.start(clock);
        seeded = sandbox.seedProcess(new ProcessSeed("Contract review", "Contract 1", UserRef.of("2001"),
                List.of(StepPlan.approval("Manager", ApprovalMode.SINGLE, UserRef.of("2002")))));
    }

    @AfterEach
    void stop() {
        services.forEach(ApprovalService::close);
        sandbox.close();
    }

    /** One node: a provider object on its member's cache manager, as an application would build it. */
    private ApprovalService node(HazelcastInstance member, Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(sandbox.connectionConfig());
        values.putAll(overrides);
        JCacheSharedState shared = JCacheSharedState.on(LoopbackMember.cacheManager(member), prefix,
                Duration.ofSeconds(10), clock);
        FxiaokeApprovalProvider provider = new FxiaokeApprovalProvider(clock, UUID::randomUUID, shared);
        ApprovalService service = Approvals.connect(provider, ProviderConfig.of(provider.descriptor(), values), clock);
        services.add(service);
        return service;
    }

    private void read(ApprovalService service) {
        assertTrue(service.process(seeded.process()).isPresent());
    }

    @Test
    void aThousandConcurrentFirstCallsOverBothNodesMakeExactlyOneTokenRequest() throws Exception {
        ApprovalService a = node(memberA, Map.of());
        ApprovalService b = node(memberB, Map.of());
        ExecutorService pool = Executors.newFixedThreadPool(64);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                ApprovalService node = i % 2 == 0 ? a : b;
                calls.add(pool.submit(() -> {
                    go.await();
                    read(node);
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> call : calls) {
                call.get(50, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, sandbox.tokenRequestCount(), "one token for the app, not one per node or thread");
    }

    @Test
    void aTokenNodeARenewedAfterExpiryIsUsedByNodeBWithoutARequestOfItsOwn() {
        ApprovalService a = node(memberA, Map.of());
        ApprovalService b = node(memberB, Map.of());
        read(a);
        read(b);
        assertEquals(1, sandbox.tokenRequestCount());

        sandbox.expireAllTokens(); // the vendor revokes it: the next call answers 20016
        read(a); // refused, invalidated in the cluster, fetched anew, replayed
        assertEquals(2, sandbox.tokenRequestCount());
        String renewed = lastBearer();

        read(b);
        assertEquals(2, sandbox.tokenRequestCount(), "node B took node A's new token");
        assertEquals(renewed, lastBearer());
    }

    @Test
    void aQuotaUsedUpOnNodeAIsRefusedLocallyOnNodeBUntilMidnightInChina() {
        ApprovalService a = node(memberA, Map.of());
        ApprovalService b = node(memberB, Map.of());
        read(a);
        read(b);
        sandbox.forceErrorCode(30002, "daily call quota exceeded", 1);
        QuotaExhaustedException seenByA = assertThrows(QuotaExhaustedException.class,
                () -> a.process(seeded.process()));
        assertEquals("30002", seenByA.vendorCode().orElseThrow());

        long sent = sandbox.requestCount();
        QuotaExhaustedException refusedByB = assertThrows(QuotaExhaustedException.class,
                () -> b.process(seeded.process()));
        assertEquals("30002", refusedByB.vendorCode().orElseThrow(), "the vendor's code, though nothing was sent");
        assertEquals("fxiaoke", refusedByB.providerId().orElseThrow());
        clock.set(Instant.parse("2026-11-23T15:59:59Z")); // 23:59:59 in China
        assertThrows(QuotaExhaustedException.class, () -> a.process(seeded.process()));
        assertEquals(sent, sandbox.requestCount(), "no request from either node while the quota is gone");

        clock.set(Instant.parse("2026-11-23T16:00:00Z")); // midnight in China: the quota is back
        read(b);
        read(a);
    }

    @Test
    void aSharedBudgetOfNCallsASecondHoldsOverBothNodesWithinTenPercentOverTenSeconds() throws Exception {
        int perSecond = 20;
        // a 1 ms wait: a call that finds the budget empty is refused at once, so the injected clock alone drives it
        Map<String, String> budget = Map.of("calls-per-second", String.valueOf(perSecond),
                "shared-state-wait", "1ms", "retry-max-attempts", "1");
        ApprovalService a = node(memberA, budget);
        ApprovalService b = node(memberB, budget);
        read(a); // the token, and the budget's first permit
        drain(a, b);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            long before = sandbox.requestCount();
            AtomicInteger refused = new AtomicInteger();
            for (int tick = 0; tick < 100; tick++) { // 10 s in steps of 100 ms, 8 callers a step over both nodes
                clock.advance(Duration.ofMillis(100));
                List<Future<?>> calls = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    ApprovalService node = i % 2 == 0 ? a : b;
                    calls.add(pool.submit(() -> {
                        try {
                            node.process(seeded.process());
                        } catch (RateLimitedException e) {
                            refused.incrementAndGet();
                        }
                        return null;
                    }));
                }
                for (Future<?> call : calls) {
                    call.get(10, TimeUnit.SECONDS);
                }
            }
            long sent = sandbox.requestCount() - before;
            long expected = perSecond * 10L;
            assertTrue(Math.abs(sent - expected) <= expected / 10,
                    "requests at the vendor in 10 s: " + sent + ", budget " + expected);
            assertEquals(800 - sent, refused.get(), "every other call was refused locally, unsent");
        } finally {
            pool.shutdownNow();
        }
    }

    /** Spends what is left of the budget's initial capacity, so the window starts from an empty bucket. */
    private void drain(ApprovalService a, ApprovalService b) {
        int refusals = 0;
        for (int i = 0; refusals < 2 && i < 1000; i++) {
            try {
                (i % 2 == 0 ? a : b).process(seeded.process());
            } catch (RateLimitedException e) {
                refusals++;
            }
        }
        assertEquals(2, refusals, "the budget ran out");
    }

    @Test
    void aMemberLeavingMidRunLeavesTheOtherNodeWorkingOnAFreshTokenNeverAStaleOne() throws Exception {
        List<Integer> ports = LoopbackMember.freePorts(1);
        List<Integer> join = new ArrayList<>(ports);
        join.add(memberB.getCluster().getLocalMember().getAddress().getPort());
        HazelcastInstance leaving = LoopbackMember.start(CLUSTER, CLUSTER + "-leaving", ports.get(0), join);
        try {
            ApprovalService a = node(leaving, Map.of());
            ApprovalService b = node(memberB, Map.of());
            read(a);
            String first = lastBearer();

            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> calls = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    calls.add(pool.submit(() -> {
                        read(b);
                        return null;
                    }));
                    if (i == 50) {
                        leaving.getLifecycleService().terminate(); // no goodbye: its partitions move to the others
                    }
                }
                for (Future<?> call : calls) {
                    call.get(30, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertTrue(sandbox.tokenRequestCount() <= 2, "the shared token survived, or was fetched once anew");

            clock.advance(Duration.ofSeconds(6700)); // past the renewal point of every token so far
            int tokensBefore = sandbox.tokenRequestCount();
            int requestsBefore = sandbox.requests().size();
            read(b);
            read(b);
            assertEquals(tokensBefore + 1, sandbox.tokenRequestCount(), "a fresh token, fetched once");
            List<String> used = sandbox.requests().subList(requestsBefore, sandbox.requests().size()).stream()
                    .map(r -> r.headers().get("authorization")).filter(h -> h != null).toList();
            assertEquals(2, used.size());
            used.forEach(h -> assertFalse(h.endsWith(first), "no call after renewal carries the old token"));
        } finally {
            leaving.getLifecycleService().terminate();
        }
    }

    private String lastBearer() {
        List<FxiaokeSandbox.RecordedRequest> requests = sandbox.requests();
        for (int i = requests.size() - 1; i >= 0; i--) {
            String authorization = requests.get(i).headers().get("authorization");
            if (authorization != null) {
                return authorization.substring("Bearer ".length());
            }
        }
        throw new AssertionError("no request carried a token");
    }
}
