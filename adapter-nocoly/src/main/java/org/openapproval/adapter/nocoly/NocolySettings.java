package org.openapproval.adapter.nocoly;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.openapproval.core.domain.ErrorContext;
import org.openapproval.core.spi.ConfigKey;
import org.openapproval.core.spi.ProviderConfig;
import org.openapproval.core.spi.ProviderConfigurationException;

/** The provider's configuration, checked and typed. Secrets never appear in {@link #toString()}. */
record NocolySettings(URI endpoint, String appKey, String sign, Optional<Organization> organization,
                      Duration connectTimeout, Duration readTimeout, int retryMaxAttempts, Duration retryInitialBackoff,
                      Duration retryMaxBackoff) {

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
            ConfigKey.optional(READ_TIMEOUT, "30s", "time-out waiting for an answer"),
            ConfigKey.optional(RETRY_MAX_ATTEMPTS, "4", "attempts per read (writes are never repeated), 1-10"),
            ConfigKey.optional(RETRY_INITIAL_BACKOFF, "200ms", "first pause before a read is retried"),
            ConfigKey.optional(RETRY_MAX_BACKOFF, "5s", "longest pause between read retries"));

    static NocolySettings from(ProviderConfig config) {
        config.validate();
        int attempts = config.getInt(RETRY_MAX_ATTEMPTS).orElseThrow();
        if (attempts < 1 || attempts > 10) {
            throw invalid(RETRY_MAX_ATTEMPTS + " is " + attempts + "; expected 1 to 10");
        }
        URI endpoint = endpoint(ENDPOINT, config.require(ENDPOINT));
        Optional<String> orgKey = config.get(ORG_APP_KEY);
        Optional<String> orgSecret = config.get(ORG_SECRET_KEY);
        if (orgKey.isPresent() != orgSecret.isPresent()) {
            throw invalid((orgKey.isPresent() ? ORG_SECRET_KEY : ORG_APP_KEY) + " is missing: the organization key "
                    + "needs both nocoly." + ORG_APP_KEY + " and nocoly." + ORG_SECRET_KEY);
        }
        Optional<Organization> org = orgKey.map(key -> new Organization(
                config.get(ORG_ENDPOINT).map(e -> endpoint(ORG_ENDPOINT, e)).orElse(endpoint), key, orgSecret.get()));
        return new NocolySettings(endpoint, config.require(APP_KEY), config.require(SIGN), org,
                timeout(config, CONNECT_TIMEOUT), timeout(config, READ_TIMEOUT),
                attempts, config.getDuration(RETRY_INITIAL_BACKOFF).orElseThrow(),
                config.getDuration(RETRY_MAX_BACKOFF).orElseThrow());
    }

    /** https anywhere; plain http only to this machine, so keys never cross a network in clear text. */
    static URI endpoint(String key, String raw) {
        URI uri;
        try {
            uri = new URI(raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw);
        } catch (URISyntaxException e) {
            throw invalid(key + " '" + redacted(raw) + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null) {
            throw invalid(key + " '" + redacted(raw) + "' must be scheme://host[:port][/path] without query or credentials");
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw invalid(key + " '" + redacted(raw) + "' uses plain http to a non-loopback host; use https");
        }
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw invalid(key + " '" + redacted(raw) + "' must use https");
        }
        return uri;
    }

    private static boolean isLoopback(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        // Only literal addresses are judged; no name is resolved here.
        boolean ipv4 = h.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = h.contains(":") && h.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
        if (!ipv4 && !ipv6) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** Feign and the JDK client need a positive time-out that fits in int milliseconds. */
    static java.time.Duration timeout(ProviderConfig config, String key) {
        java.time.Duration d = config.getDuration(key).orElseThrow();
        if (d.toMillis() < 1 || d.compareTo(java.time.Duration.ofMinutes(10)) > 0) {
            throw invalid(key + " is " + d + "; expected between 1ms and 10m");
        }
        return d;
    }

    /** Quotes an endpoint in an error message without any user:password part. */
    static String redacted(String raw) {
        return raw.replaceAll("//[^/@]*@", "//****@");
    }

    private static ProviderConfigurationException invalid(String message) {
        return new ProviderConfigurationException("nocoly." + message, ErrorContext.provider("nocoly"), null);
    }

    @Override
    public String toString() {
        return "NocolySettings[endpoint=" + endpoint + ", appKey=" + appKey + ", sign=****, organization="
                + organization + "]";
    }
}
