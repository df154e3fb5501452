package org.openapproval.benchmarks;

import feign.RequestTemplate;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openapproval.adapter.support.InProcessSharedState;
import org.openapproval.adapter.support.RateLimit;
import org.openapproval.adapter.support.SharedLimits;
import org.openapproval.adapter.support.SharedLimitsInterceptor;
import org.openapproval.adapter.support.TokenKey;
import org.openapproval.core.domain.ErrorContext;
import org.openapproval.core.domain.RateLimitedException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the in-process shared limits add to every vendor request in a single JVM: the interceptor each Feign
 * client runs before sending ({@code interceptor_*}), against an empty interceptor ({@code none}). The default
 * is no budget ({@code calls-per-second=0}): a quota check and a hold-off read; {@code interceptor_budget} adds
 * a Bucket4j permit (a limit so high it never waits). {@code observe_failure} is the cost on a failed call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SharedLimitsBench {
    private final RequestTemplate template = new RequestTemplate();
    private SharedLimitsInterceptor unlimited;
    private SharedLimitsInterceptor budget;
    private SharedLimits limits;
    private RateLimitedException throttled;

    @Setup
    public void setUp() {
        Clock clock = Clock.systemUTC();
        InProcessSharedState state = new InProcessSharedState(clock);
        TokenKey tenant = TokenKey.of("bench", "tenant");
        limits = new SharedLimits(state.rateBudget(tenant, RateLimit.unlimited(Duration.ofSeconds(10))),
                state.quota(tenant), (failure, now) -> Optional.empty(), clock, ErrorContext.provider("bench"));
        unlimited = new SharedLimitsInterceptor(limits);
        TokenKey other = TokenKey.of("bench", "budget");
        budget = new SharedLimitsInterceptor(new SharedLimits(
                state.rateBudget(other, RateLimit.perSecond(1_000_000_000L, Duration.ofSeconds(10))),
                state.quota(other), (failure, now) -> Optional.empty(), clock, ErrorContext.provider("bench")));
        throttled = new RateLimitedException("throttled", ErrorContext.provider("bench"), Optional.empty(), null);
    }

    @Benchmark
    public RequestTemplate none() {
        return template;
    }

    @Benchmark
    public RequestTemplate interceptor_default() {
        unlimited.apply(template);
        return template;
    }

    @Benchmark
    public RequestTemplate interceptor_budget() {
        budget.apply(template);
        return template;
    }

    @Benchmark
    public RateLimitedException observe_failure() {
        limits.observe(throttled);
        return throttled;
    }
}
