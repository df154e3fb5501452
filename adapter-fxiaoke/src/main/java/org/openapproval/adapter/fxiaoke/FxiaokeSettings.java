package org.openapproval.adapter.fxiaoke;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import org.openapproval.core.domain.ErrorContext;
import org.openapproval.core.spi.ConfigKey;
import org.openapproval.core.spi.ProviderConfig;
import org.openapproval.core.spi.ProviderConfigurationException;

/** The provider's configuration, checked and typed. Secrets never appear in {@link #toString()}. */
record FxiaokeSettings(URI endpoint, String appId, String appSecret, String permanentCode, String defaultUserId,
                       AuthMode authMode, Duration connectTimeout, Duration readTimeout, int retryMaxAttempts,
                       Duration retryInitialBackoff, Duration retryMaxBackoff) {

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
            ConfigKey.optional(READ_TIMEOUT, "30s", "time-out waiting for an answer"),
            ConfigKey.optional(RETRY_MAX_ATTEMPTS, "4", "attempts per read (writes are never repeated), 1-10"),
            ConfigKey.optional(RETRY_INITIAL_BACKOFF, "200ms", "first pause before a read is retried"),
            ConfigKey.optional(RETRY_MAX_BACKOFF, "5s", "longest pause between read retries"));

    static FxiaokeSettings from(ProviderConfig config) {
        config.validate();
        int attempts = config.getInt(RETRY_MAX_ATTEMPTS).orElseThrow();
        if (attempts < 1 || attempts > 10) {
            throw invalid(RETRY_MAX_ATTEMPTS + " is " + attempts + "; expected 1 to 10");
        }
        return new FxiaokeSettings(endpoint(config.require(ENDPOINT)), config.require(APP_ID),
                config.require(APP_SECRET), config.require(PERMANENT_CODE), userId(config.require(DEFAULT_USER_ID)),
                authMode(config.require(AUTH_MODE)), timeout(config, CONNECT_TIMEOUT),
                timeout(config, READ_TIMEOUT), attempts,
                config.getDuration(RETRY_INITIAL_BACKOFF).orElseThrow(),
                config.getDuration(RETRY_MAX_BACKOFF).orElseThrow());
    }

    /** https anywhere; plain http only to this machine, so credentials never cross a network in clear text. */
    static URI endpoint(String raw) {
        URI uri;
        try {
            uri = new URI(raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw);
        } catch (URISyntaxException e) {
            throw invalid(ENDPOINT + " '" + redacted(raw) + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null) {
            throw invalid(ENDPOINT + " '" + redacted(raw) + "' must be scheme://host[:port][/path] without query or credentials");
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw invalid(ENDPOINT + " '" + redacted(raw) + "' uses plain http to a non-loopback host; use https");
        }
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw invalid(ENDPOINT + " '" + redacted(raw) + "' must use https");
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

    private static AuthMode authMode(String raw) {
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "client-credentials" -> AuthMode.CLIENT_CREDENTIALS;
            case "legacy" -> AuthMode.LEGACY;
            default -> throw invalid(AUTH_MODE + " is '" + raw + "'; expected client-credentials or legacy");
        };
    }

    /** The acting user travels in a header: it must be a clean id. */
    private static String userId(String raw) {
        try {
            return org.openapproval.core.domain.UserRef.of(raw).id();
        } catch (IllegalArgumentException e) {
            throw invalid(DEFAULT_USER_ID + " is not a usable user id: " + e.getMessage());
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
        return new ProviderConfigurationException("fxiaoke." + message, ErrorContext.provider("fxiaoke"), null);
    }

    @Override
    public String toString() {
        return "FxiaokeSettings[endpoint=" + endpoint + ", appId=" + appId + ", appSecret=****, permanentCode=****, "
                + "defaultUserId=" + defaultUserId + ", authMode=" + authMode + "]";
    }
}
