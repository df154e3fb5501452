package org.openapproval.sharedstate.jcache;

import java.net.URI;
import java.time.Clock;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.spi.CachingProvider;
import org.openapproval.adapter.support.SharedState;
import org.openapproval.adapter.support.SharedStateConfig;
import org.openapproval.adapter.support.SharedStateProvider;

/**
 * {@code <provider>.shared-state=jcache}: the cache manager JCache's {@link Caching} hands out for the configured
 * caching provider and URI (the defaults when unset), with the provider's default class loader — the same
 * manager an application (or Spring Boot) gets from the same provider and URI.
 */
public final class JCacheSharedStateProvider implements SharedStateProvider {
    @Override
    public String kind() {
        return "jcache";
    }

    @Override
    public SharedState open(SharedStateConfig config, Clock clock) {
        CachingProvider provider = CacheCalls.call("find the JCache provider", () -> config.cachingProvider()
                .map(Caching::getCachingProvider).orElseGet(Caching::getCachingProvider));
        CacheManager manager = CacheCalls.call("open the JCache cache manager", () -> provider.getCacheManager(
                config.cacheManagerUri().map(URI::create).orElse(provider.getDefaultURI()),
                provider.getDefaultClassLoader()));
        return JCacheSharedState.on(manager, config.cachePrefix(), config.maxWait(), clock);
    }
}
