package org.openapproval.adapter.fxiaoke;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.openapproval.core.domain.ErrorContext;
import org.openapproval.core.spi.ConfigKey;
import org.openapproval.adapter.support.ConfigValues;
import org.openapproval.adapter.support.Endpoints;
import org.openapproval.adapter.support.RateLimit;
import org.openapproval.adapter.support.RetryPolicy;
import org.openapproval.adapter.support.SharedStateConfig;
import org.openapproval.adapter.support.TokenKey;
import org.openapproval.core.spi.ProviderConfig;
import org.openapproval.core.spi.ProviderConfigurationException;

/** The provider's configuration, checked and typed. Secrets never appear in {@link #toString()}. */
record FxiaokeSettings(URI endpoint, String appId, String appSecret, String permanentCode, String defaultUserId,
                       AuthMode authMode, Duration connectTimeout, Duration readTimeout, int retryMaxAttempts,
                       Duration retryInitialBackoff, Duration retryMaxBackoff, SharedStateConfig sharedState,
                       long callsPerSecond, long maxResponseBytes) {

    enum AuthMode {
        /** {@code /oauth2.0/token} and Bearer headers (the vendor's current style). */
        CLIENT_CREDENTIALS,
        /** {@code /cgi/corpAccessToken/get/V2} with the token in every body (still documented). */
        LEGACY
    }

    static final String ENDPOINT = "endpoint";
    static final String APP_ID = "app-id";
    static final String APP_SECRET = "app-secret";
    static final String PERMANENT_CODE = "permanent-code";
    static final String DEFAULT_USER_ID = "default-user-id";
    static final String AUTH_MODE = "auth-mode";
    static final String CONNECT_TIMEOUT = "connect-timeout";
    static final String READ_TIMEOUT = "read-timeout";
    static final String RETRY_MAX_ATTEMPTS = "retry-max-attempts";
    static final String RETRY_INITIAL_BACKOFF = "retry-initial-backoff";
    static final String RETRY_MAX_BACKOFF = "retry-max-backoff";
    static final String SHARED_STATE = SharedStateConfig.KIND_KEY;
    static final String SHARED_STATE_CACHE_PREFIX = SharedStateConfig.CACHE_PREFIX_KEY;
    static final String SHARED_STATE_JCACHE_PROVIDER = SharedStateConfig.CACHING_PROVIDER_KEY;
    static final String SHARED_STATE_JCACHE_URI = SharedStateConfig.CACHE_MANAGER_URI_KEY;
    static final String SHARED_STATE_WAIT = SharedStateConfig.WAIT_KEY;
    static final String CALLS_PER_SECOND = SharedStateConfig.CALLS_PER_SECOND_KEY;
    static final String MAX_RESPONSE_SIZE = "max-response-size";

    static final java.util.List<ConfigKey> KEYS = java.util.List.of(
            ConfigKey.optional(ENDPOINT, "https://open.fxiaoke.com",
                    "API base URL of your cloud, e.g. https://open-hwcloud.fxiaoke.com; http:// only for loopback"),
            ConfigKey.required(APP_ID, "the app's appId (FSAID_…)"),
            ConfigKey.requiredSecret(APP_SECRET, "the app's appSecret"),
            ConfigKey.requiredSecret(PERMANENT_CODE, "the enterprise's permanentCode for the app"),
            ConfigKey.required(DEFAULT_USER_ID, "CRM employee id that reads act as (x-fs-userid); decisions act as "
                    + "the deciding user"),
            ConfigKey.optional(AUTH_MODE, "client-credentials",
                    "client-credentials (Bearer token) or legacy (corpAccessToken in the body)"),
            ConfigKey.optional(CONNECT_TIMEOUT, "5s", "TCP connect time-out"),
            ConfigKey.optional(READ_TIMEOUT, "30s", "time-out for an answer; a whole call, body included, "
                    + "may take connect-timeout plus read-timeout"),
            ConfigKey.optional(RETRY_MAX_ATTEMPTS, "4", "attempts per read (writes are never repeated), 1-10"),
            ConfigKey.optional(RETRY_INITIAL_BACKOFF, "200ms", "first pause before a read is retried"),
            ConfigKey.optional(RETRY_MAX_BACKOFF, "5s", "longest pause between read retries"),
            ConfigKey.optional(SHARED_STATE, SharedStateConfig.IN_PROCESS, "where tokens, the call budget and the "
                    + "quota state live: in-process (this JVM) or jcache (shared by every node on a JCache cluster)"),
            ConfigKey.optional(SHARED_STATE_CACHE_PREFIX, "openapproval.", "prefix of the shared caches' names"),
            ConfigKey.optional(SHARED_STATE_JCACHE_PROVIDER, null, "JCache CachingProvider class; unset: the only "
                    + "one on the class path"),
            ConfigKey.optional(SHARED_STATE_JCACHE_URI, null, "JCache CacheManager URI; unset: the provider's default"),
            ConfigKey.optional(SHARED_STATE_WAIT, "10s", "longest wait for another node's token fetch, a permit "
                    + "of the call budget or the cluster"),
            ConfigKey.optional(CALLS_PER_SECOND, "0", "calls a second the app may make, summed over every node "
                    + "sharing the state; 0: no client-side budget"),
            ConfigKey.optional(MAX_RESPONSE_SIZE, "16MB", "largest answer read (e.g. 512KB, 16MB); a longer one "
                    + "fails as a protocol error"));

    static FxiaokeSettings from(ProviderConfig config) {
        config.validate();
        int attempts = config.getInt(RETRY_MAX_ATTEMPTS).orElseThrow();
        if (attempts < 1 || attempts > 10) {
            throw invalid(RETRY_MAX_ATTEMPTS + " is " + attempts + "; expected 1 to 10");
        }
        // app id, secret and permanent code travel in JSON bodies, the user id in a header: all must be clean
        return new FxiaokeSettings(Endpoints.secureBaseUri(config, ENDPOINT), ConfigValues.wireToken(config, APP_ID),
                ConfigValues.wireToken(config, APP_SECRET), ConfigValues.wireToken(config, PERMANENT_CODE),
                userId(config, ConfigValues.wireToken(config, DEFAULT_USER_ID)),
                authMode(config, config.require(AUTH_MODE)), Endpoints.timeout(config, CONNECT_TIMEOUT),
                Endpoints.timeout(config, READ_TIMEOUT), attempts,
                config.getDuration(RETRY_INITIAL_BACKOFF).orElseThrow(),
                config.getDuration(RETRY_MAX_BACKOFF).orElseThrow(), SharedStateConfig.from(config),
                SharedStateConfig.callsPerSecond(config), ConfigValues.size(config, MAX_RESPONSE_SIZE));
    }

    private static AuthMode authMode(ProviderConfig config, String raw) {
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "client-credentials" -> AuthMode.CLIENT_CREDENTIALS;
            case "legacy" -> AuthMode.LEGACY;
            default -> throw invalid(AUTH_MODE + " is " + ConfigValues.quote(config, raw)
                    + "; expected client-credentials or legacy");
        };
    }

    /** The acting user travels in a header: it must be shaped like a Fxiaoke employee id. */
    private static String userId(ProviderConfig config, String raw) {
        if (!FxiaokeIds.isUserId(raw)) {
            throw invalid(DEFAULT_USER_ID + " is " + ConfigValues.quote(config, raw) + "; expected "
                    + FxiaokeIds.USER_ID_SHAPE);
        }
        return raw;
    }

    /** Every configured secret, for this service's scrubber. */
    java.util.List<String> secrets() {
        return java.util.List.of(appSecret, permanentCode);
    }

    private static ProviderConfigurationException invalid(String message) {
        return new ProviderConfigurationException("fxiaoke." + message, ErrorContext.provider("fxiaoke"), null);
    }

    RetryPolicy retryPolicy() {
        return new RetryPolicy(retryMaxAttempts, retryInitialBackoff, retryMaxBackoff);
    }

    /** Everything that makes a token valid, digested: services with equal keys may share their token. */
    TokenKey tokenKey() {
        return TokenKey.of(authMode.name(), endpoint.toString(), appId, appSecret, permanentCode);
    }

    /** The tenant the vendor counts calls and quota for: the app in one enterprise, digested. */
    TokenKey tenantKey() {
        return TokenKey.of("fxiaoke-tenant", endpoint.toString(), appId, permanentCode);
    }

    RateLimit rateLimit() {
        return callsPerSecond == 0 ? RateLimit.unlimited(sharedState.maxWait())
                : RateLimit.perSecond(callsPerSecond, sharedState.maxWait());
    }

    @Override
    public String toString() {
        return "FxiaokeSettings[endpoint=" + endpoint + ", appId=" + appId + ", appSecret=****, permanentCode=****, "
                + "defaultUserId=" + defaultUserId + ", authMode=" + authMode + ", sharedState=" + sharedState.kind() + "]";
    }
}
