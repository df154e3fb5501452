package org.openapproval.adapter.support;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.openapproval.core.domain.ErrorContext;
import org.openapproval.core.spi.ProviderConfig;
import org.openapproval.core.spi.ProviderConfigurationException;

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

    /** The config key names every adapter that shares state declares (each with its own vendor's description). */
    public static final String KIND_KEY = "shared-state";
    public static final String CACHE_PREFIX_KEY = "shared-state-cache-prefix";
    public static final String CACHING_PROVIDER_KEY = "shared-state-jcache-provider";
    public static final String CACHE_MANAGER_URI_KEY = "shared-state-jcache-uri";
    public static final String WAIT_KEY = "shared-state-wait";
    public static final String CALLS_PER_SECOND_KEY = "calls-per-second";

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

    /** Reads the shared-state keys above from a provider's configuration; bad values are named with the key. */
    public static SharedStateConfig from(ProviderConfig config) {
        Duration wait = config.getDuration(WAIT_KEY).orElseThrow();
        if (wait.isNegative() || wait.isZero()) {
            throw invalid(config, WAIT_KEY + " must be positive");
        }
        return new SharedStateConfig(config.require(KIND_KEY).trim().toLowerCase(Locale.ROOT),
                config.require(CACHE_PREFIX_KEY), config.get(CACHING_PROVIDER_KEY), config.get(CACHE_MANAGER_URI_KEY),
                wait);
    }

    /** The {@value #CALLS_PER_SECOND_KEY} budget: 0 for none. */
    public static long callsPerSecond(ProviderConfig config) {
        int calls = config.getInt(CALLS_PER_SECOND_KEY).orElseThrow();
        if (calls < 0) {
            throw invalid(config, CALLS_PER_SECOND_KEY + " is " + calls + "; expected 0 (no budget) or more");
        }
        return calls;
    }

    private static ProviderConfigurationException invalid(ProviderConfig config, String message) {
        return new ProviderConfigurationException(config.providerId() + "." + message,
                ErrorContext.provider(config.providerId()), null);
    }
}
