package org.openapproval.adapter.support;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a provider was configured to share state: the kind ({@code in-process} or one a
 * {@link SharedStateProvider} offers) and what a distributed kind needs to find its store.
 *
 * @param kind            {@code in-process}, {@code jcache}, …
 * @param cachePrefix     prefix of the shared caches' names, so several applications can share one cluster
 * @param cachingProvider the JCache {@code CachingProvider} class, or empty for the only one on the class path
 * @param cacheManagerUri the JCache {@code CacheManager} URI, or empty for the provider's default
 * @param maxWait         how long a call waits for another node's token fetch or for the cluster to answer
 */
public record SharedStateConfig(String kind, String cachePrefix, Optional<String> cachingProvider,
                                Optional<String> cacheManagerUri, Duration maxWait) {
    public static final String IN_PROCESS = "in-process";

    public SharedStateConfig {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(cachePrefix, "cachePrefix");
        Objects.requireNonNull(cachingProvider, "cachingProvider");
        Objects.requireNonNull(cacheManagerUri, "cacheManagerUri");
        Objects.requireNonNull(maxWait, "maxWait");
        if (maxWait.isNegative() || maxWait.isZero()) {
            throw new IllegalArgumentException("maxWait must be positive");
        }
    }

    public boolean isInProcess() {
        return IN_PROCESS.equals(kind);
    }
}
