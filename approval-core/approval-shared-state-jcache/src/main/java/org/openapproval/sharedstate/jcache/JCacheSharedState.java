package org.openapproval.sharedstate.jcache;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.grid.jcache.Bucket4jJCache;
import io.github.bucket4j.grid.jcache.JCacheProxyManager;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import org.openapproval.adapter.support.ClockTimeMeter;
import org.openapproval.adapter.support.HoldOffWait;
import org.openapproval.adapter.support.QuotaState;
import org.openapproval.adapter.support.RateBudget;
import org.openapproval.adapter.support.RateLimit;
import org.openapproval.adapter.support.SharedState;
import org.openapproval.adapter.support.SharedStateUnavailableException;
import org.openapproval.adapter.support.Sleeper;
import org.openapproval.adapter.support.TokenKey;
import org.openapproval.adapter.support.TokenStore;

/**
 * {@link SharedState} on a JCache (JSR-107) {@link CacheManager} the application already runs: Hazelcast,
 * Infinispan, Ehcache (clustered) or Redisson. Five caches, named {@code <prefix>tokens},
 * {@code <prefix>token-fetches}, {@code <prefix>budgets}, {@code <prefix>hold-offs} and {@code <prefix>quotas},
 * are created when missing (or used as the application configured them). Keys are SHA-256 digests of the
 * credentials; values are strings and numbers, except the budgets' Bucket4j state.
 *
 * <p>The cache manager stays the application's: {@link #close()} leaves it open.
 */
public final class JCacheSharedState implements SharedState {
    private final Clock clock;
    private final Duration maxWait;
    private final Sleeper sleeper;
    private final JCacheTokenStore tokens;
    private final Cache<String, Long> holdOffs;
    private final Cache<String, String> quotas;
    private final JCacheProxyManager<String> buckets;

    private JCacheSharedState(CacheManager manager, String prefix, Duration maxWait, Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.maxWait = maxWait;
        this.sleeper = sleeper;
        MutableConfiguration<String, String> strings = new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class);
        // a node that dies mid-fetch holds the lock no longer than a caller would wait for it
        MutableConfiguration<String, String> locks = new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class)
                .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(
                        new javax.cache.expiry.Duration(TimeUnit.MILLISECONDS, maxWait.toMillis())));
        this.tokens = new JCacheTokenStore(cache(manager, prefix + "tokens", strings, String.class, String.class),
                cache(manager, prefix + "token-fetches", locks, String.class, String.class), clock, maxWait, sleeper);
        this.holdOffs = cache(manager, prefix + "hold-offs",
                new MutableConfiguration<String, Long>().setTypes(String.class, Long.class), String.class, Long.class);
        this.quotas = cache(manager, prefix + "quotas", strings, String.class, String.class);
        Cache<String, byte[]> budgets = cache(manager, prefix + "budgets",
                new MutableConfiguration<String, byte[]>().setTypes(String.class, byte[].class), String.class,
                byte[].class);
        this.buckets = Bucket4jJCache.entryProcessorBasedBuilder(budgets)
                .clientClock(new ClockTimeMeter(clock))
                .requestTimeout(maxWait)
                .build();
    }

    /**
     * @param manager the application's cache manager
     * @param prefix  prefix of the cache names, e.g. {@code openapproval.}
     * @param maxWait how long a call waits for another node's token fetch, a permit or the cluster
     */
    public static JCacheSharedState on(CacheManager manager, String prefix, Duration maxWait, Clock clock) {
        return on(manager, prefix, maxWait, clock, Sleeper.THREAD);
    }

    /** With a chosen way of waiting, for tests. */
    public static JCacheSharedState on(CacheManager manager, String prefix, Duration maxWait, Clock clock,
                                       Sleeper sleeper) {
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(maxWait, "maxWait");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        return CacheCalls.call("open the shared caches",
                () -> new JCacheSharedState(manager, prefix, maxWait, clock, sleeper));
    }

    @Override
    public TokenStore tokens() {
        return tokens;
    }

    /** The bucket is created by the first node that uses it, with that node's limit. */
    @Override
    public RateBudget rateBudget(TokenKey key, RateLimit limit) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(limit, "limit");
        Optional<io.github.bucket4j.distributed.BucketProxy> bucket = limit.isUnlimited() ? Optional.empty()
                : Optional.of(buckets.builder().build(key.digest(), () -> BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(limit.calls()).refillGreedy(limit.calls(), limit.period())
                        .build())
                .build()));
        return new JCacheRateBudget(bucket, new HoldOffWait(limit.maxWait(), clock, sleeper,
                new JCacheHoldOff(holdOffs, key.digest())));
    }

    @Override
    public QuotaState quota(TokenKey key) {
        return new JCacheQuotaState(quotas, Objects.requireNonNull(key, "key").digest(), clock);
    }

    /** How long callers wait for the cluster, as configured. */
    public Duration maxWait() {
        return maxWait;
    }

    @Override
    public void close() {
        // the caches and their manager belong to the application and the other nodes
    }

    private static <K, V> Cache<K, V> cache(CacheManager manager, String name, MutableConfiguration<K, V> config,
                                            Class<K> keys, Class<V> values) {
        Cache<K, V> cache = manager.getCache(name, keys, values);
        if (cache != null) {
            return cache;
        }
        try {
            return manager.createCache(name, config);
        } catch (CacheException raced) {
            // another node (or thread) created it first
            Cache<K, V> created = manager.getCache(name, keys, values);
            if (created == null) {
                throw new SharedStateUnavailableException("Could not create the shared cache " + name, raced);
            }
            return created;
        }
    }
}
