package org.openapproval.adapter.nocoly;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.openapproval.adapter.support.RateLimit;
import org.openapproval.adapter.support.SharedStateConfig;
import org.openapproval.adapter.support.TokenKey;
import org.openapproval.core.domain.ErrorContext;
import org.openapproval.core.spi.ConfigKey;
import org.openapproval.adapter.support.ConfigValues;
import org.openapproval.adapter.support.Endpoints;
import org.openapproval.adapter.support.RetryPolicy;
import org.openapproval.core.spi.ProviderConfig;
import org.openapproval.core.spi.ProviderConfigurationException;

/** The provider's configuration, checked and typed. Secrets never appear in {@link #toString()}. */
record NocolySettings(URI endpoint, String appKey, String sign, Optional<Organization> organization,
                      Duration connectTimeout, Duration readTimeout, int retryMaxAttempts, Duration retryInitialBackoff,
                      Duration retryMaxBackoff, SharedStateConfig sharedState, long callsPerSecond,
                      Duration rateLimitHoldOff, long maxResponseBytes) {

    /** The organization key (企业授权): needed to pass/reject and to read to-do lists. */
    record Organization(URI endpoint, String appKey, String secretKey) {
        @Override
        public String toString() {
            return "Organization[endpoint=" + endpoint + ", appKey=" + appKey + ", secretKey=****]";
        }
    }

    static final String ENDPOINT = "endpoint";
    static final String APP_KEY = "app-key";
    static final String SIGN = "sign";
    static final String ORG_ENDPOINT = "org-endpoint";
    static final String ORG_APP_KEY = "org-app-key";
    static final String ORG_SECRET_KEY = "org-secret-key";
    static final String CONNECT_TIMEOUT = "connect-timeout";
    static final String READ_TIMEOUT = "read-timeout";
    static final String RETRY_MAX_ATTEMPTS = "retry-max-attempts";
    static final String RETRY_INITIAL_BACKOFF = "retry-initial-backoff";
    static final String RETRY_MAX_BACKOFF = "retry-max-backoff";
    static final String MAX_RESPONSE_SIZE = "max-response-size";
    static final String SHARED_STATE = SharedStateConfig.KIND_KEY;
    static final String SHARED_STATE_CACHE_PREFIX = SharedStateConfig.CACHE_PREFIX_KEY;
    static final String SHARED_STATE_JCACHE_PROVIDER = SharedStateConfig.CACHING_PROVIDER_KEY;
    static final String SHARED_STATE_JCACHE_URI = SharedStateConfig.CACHE_MANAGER_URI_KEY;
    static final String SHARED_STATE_WAIT = SharedStateConfig.WAIT_KEY;
    static final String CALLS_PER_SECOND = SharedStateConfig.CALLS_PER_SECOND_KEY;
    static final String RATE_LIMIT_HOLD_OFF = "rate-limit-hold-off";

    static final List<ConfigKey> KEYS = List.of(
            ConfigKey.optional(ENDPOINT, "https://api.mingdao.com",
                    "API base: https://api.mingdao.com, https://www.nocoly.com/api or https://<host>/api; "
                            + "http:// only for loopback"),
            ConfigKey.required(APP_KEY, "AppKey of the app's API authorization (HAP-Appkey)"),
            ConfigKey.requiredSecret(SIGN, "Sign of the app's API authorization (HAP-Sign)"),
            ConfigKey.optional(ORG_ENDPOINT, null, "organization API base; defaults to the endpoint"),
            ConfigKey.optional(ORG_APP_KEY, null, "organization AppKey (org admin > integration > open API); "
                    + "with org-secret-key enables approve, reject and pending tasks"),
            ConfigKey.optionalSecret(ORG_SECRET_KEY, "organization SecretKey for the timestamped signature"),
            ConfigKey.optional(CONNECT_TIMEOUT, "5s", "TCP connect time-out"),
            ConfigKey.optional(READ_TIMEOUT, "30s", "time-out for an answer; a whole call, body included, "
                    + "may take connect-timeout plus read-timeout"),
            ConfigKey.optional(RETRY_MAX_ATTEMPTS, "4", "attempts per read (writes are never repeated), 1-10"),
            ConfigKey.optional(RETRY_INITIAL_BACKOFF, "200ms", "first pause before a read is retried"),
            ConfigKey.optional(RETRY_MAX_BACKOFF, "5s", "longest pause between read retries"),
            ConfigKey.optional(MAX_RESPONSE_SIZE, "16MB", "largest answer read (e.g. 512KB, 16MB); a longer one "
                    + "fails as a protocol error"),
            ConfigKey.optional(SHARED_STATE, SharedStateConfig.IN_PROCESS, "where the call budget and the "
                    + "hold-offs live: in-process (this JVM) or jcache (shared by every node on a JCache cluster)"),
            ConfigKey.optional(SHARED_STATE_CACHE_PREFIX, "openapproval.", "prefix of the shared caches' names"),
            ConfigKey.optional(SHARED_STATE_JCACHE_PROVIDER, null, "JCache CachingProvider class; unset: the only "
                    + "one on the class path"),
            ConfigKey.optional(SHARED_STATE_JCACHE_URI, null, "JCache CacheManager URI; unset: the provider's default"),
            ConfigKey.optional(SHARED_STATE_WAIT, "10s", "longest wait for a permit of the call budget, a "
                    + "hold-off or the cluster"),
            ConfigKey.optional(CALLS_PER_SECOND, "0", "calls a second the app key may make, summed over every "
                    + "node sharing the state; 0: no client-side budget (HAP publishes no number)"),
            ConfigKey.optional(RATE_LIMIT_HOLD_OFF, "1s", "how long every node pauses after a throttling answer "
                    + "(51, 90000, 90001, HTTP 429) without Retry-After; 0s: only Retry-After holds off"));

    static NocolySettings from(ProviderConfig config) {
        config.validate();
        int attempts = config.getInt(RETRY_MAX_ATTEMPTS).orElseThrow();
        if (attempts < 1 || attempts > 10) {
            throw invalid(RETRY_MAX_ATTEMPTS + " is " + attempts + "; expected 1 to 10");
        }
        URI endpoint = Endpoints.secureBaseUri(config, ENDPOINT);
        // keys and signs travel in headers and query strings: visible ASCII only, refused here naming the key
        Optional<String> orgKey = ConfigValues.optionalWireToken(config, ORG_APP_KEY);
        Optional<String> orgSecret = ConfigValues.optionalWireToken(config, ORG_SECRET_KEY);
        if (orgKey.isPresent() != orgSecret.isPresent()) {
            throw invalid((orgKey.isPresent() ? ORG_SECRET_KEY : ORG_APP_KEY) + " is missing: the organization key "
                    + "needs both nocoly." + ORG_APP_KEY + " and nocoly." + ORG_SECRET_KEY);
        }
        Optional<Organization> org = orgKey.map(key -> new Organization(
                config.get(ORG_ENDPOINT).map(e -> Endpoints.secureBaseUri(config, ORG_ENDPOINT)).orElse(endpoint), key, orgSecret.get()));
        return new NocolySettings(endpoint, ConfigValues.wireToken(config, APP_KEY),
                ConfigValues.wireToken(config, SIGN), org,
                Endpoints.timeout(config, CONNECT_TIMEOUT), Endpoints.timeout(config, READ_TIMEOUT),
                attempts, config.getDuration(RETRY_INITIAL_BACKOFF).orElseThrow(),
                config.getDuration(RETRY_MAX_BACKOFF).orElseThrow(), SharedStateConfig.from(config),
                SharedStateConfig.callsPerSecond(config),
                rateLimitHoldOff(config), ConfigValues.size(config, MAX_RESPONSE_SIZE));
    }

    private static Duration rateLimitHoldOff(ProviderConfig config) {
        Duration holdOff = config.getDuration(RATE_LIMIT_HOLD_OFF).orElseThrow();
        if (holdOff.isNegative()) {
            throw invalid(RATE_LIMIT_HOLD_OFF + " must not be negative");
        }
        return holdOff;
    }

    private static ProviderConfigurationException invalid(String message) {
        return new ProviderConfigurationException("nocoly." + message, ErrorContext.provider("nocoly"), null);
    }

    /** Every configured secret, for this service's scrubber. */
    List<String> secrets() {
        return organization.map(o -> List.of(sign, o.secretKey())).orElse(List.of(sign));
    }

    /** The app HAP counts calls for: its key on its deployment, digested (no key in a shared cache in clear). */
    TokenKey appBudgetKey() {
        return TokenKey.of("nocoly-app", endpoint.toString(), appKey);
    }

    RateLimit rateLimit() {
        return callsPerSecond == 0 ? RateLimit.unlimited(sharedState.maxWait())
                : RateLimit.perSecond(callsPerSecond, sharedState.maxWait());
    }

    RetryPolicy retryPolicy() {
        return new RetryPolicy(retryMaxAttempts, retryInitialBackoff, retryMaxBackoff);
    }

    @Override
    public String toString() {
        return "NocolySettings[endpoint=" + endpoint + ", appKey=" + appKey + ", sign=****, organization="
                + organization + ", sharedState=" + sharedState.kind() + "]";
    }
}
