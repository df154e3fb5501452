package org.openapproval.sandbox.nocoly;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The two ways HAP checks a caller: the V3 application API's fixed {@code HAP-Appkey}/{@code HAP-Sign}
 * headers, and the organization API's timestamped signature in the query ({@link OrgSignature}). Refusals
 * are thrown as {@link VendorError}. Immutable, so thread-safe; time comes from the caller.
 */
final class Authenticator {
    private final String appKey;
    private final String appSign;
    private final String orgAppKey;
    private final String orgSecretKey;
    private final Duration timestampWindow;

    Authenticator(String appKey, String appSign, String orgAppKey, String orgSecretKey, Duration timestampWindow) {
        this.appKey = Objects.requireNonNull(appKey, "appKey");
        this.appSign = Objects.requireNonNull(appSign, "appSign");
        this.orgAppKey = Objects.requireNonNull(orgAppKey, "orgAppKey");
        this.orgSecretKey = Objects.requireNonNull(orgSecretKey, "orgSecretKey");
        this.timestampWindow = Objects.requireNonNull(timestampWindow, "timestampWindow");
    }

    /**
     * V3 app auth: {@code HAP-Appkey} + {@code HAP-Sign} (names case-insensitive). Missing or unknown key →
     * 10101; missing or wrong sign → 10102. UNVERIFIED: HTTP status; the sandbox answers 200 with the error
     * envelope (a community report says 401 "Http Headers verification failed" for a bad sign).
     *
     * @param headers header names lower-case
     */
    void checkApp(Map<String, String> headers) {
        String key = trimmed(headers.get("hap-appkey"));
        if (key == null || !key.equals(appKey)) {
            throw new VendorError(ErrorCodes.APP_KEY_UNKNOWN, key == null
                    ? "HAP-Appkey header is missing" : "authorization " + key + " does not exist");
        }
        String sign = trimmed(headers.get("hap-sign"));
        if (sign == null || !MessageDigest.isEqual(sign.getBytes(StandardCharsets.UTF_8),
                appSign.getBytes(StandardCharsets.UTF_8))) {
            throw new VendorError(ErrorCodes.SIGN_INVALID, "HAP-Sign is missing or invalid");
        }
    }

    /**
     * Org auth from the query: {@code appKey}, {@code sign}, {@code timestamp} (ms) and the acting
     * {@code accountId}. UNVERIFIED codes: a missing parameter → 10001, a non-numeric timestamp → 10002,
     * unknown appKey → 10101, wrong sign or a timestamp outside ±5 minutes of the sandbox clock → 10102.
     * The query is decoded the form way ('+' = space), as a typical Java server does.
     *
     * @return the acting {@code accountId}
     */
    String checkOrg(Map<String, List<String>> query, Instant now) {
        String key = requiredQuery(query, "appKey");
        String sign = requiredQuery(query, "sign");
        String timestamp = requiredQuery(query, "timestamp");
        String accountId = requiredQuery(query, "accountId");
        if (!key.equals(orgAppKey)) {
            throw new VendorError(ErrorCodes.APP_KEY_UNKNOWN, "appKey " + key + " does not exist");
        }
        long millis;
        try {
            millis = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw VendorError.badValue("timestamp must be Unix time in milliseconds, not " + timestamp);
        }
        if (!OrgSignature.matches(sign, key, orgSecretKey, timestamp)) {
            throw new VendorError(ErrorCodes.SIGN_INVALID, "sign is invalid");
        }
        Duration skew = Duration.between(Instant.ofEpochMilli(millis), now).abs();
        if (skew.compareTo(timestampWindow) > 0) {
            throw new VendorError(ErrorCodes.SIGN_INVALID, "timestamp " + timestamp
                    + " is outside the allowed window of " + timestampWindow.toMinutes() + " minutes");
        }
        return accountId;
    }

    private static String requiredQuery(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        String value = values == null || values.isEmpty() ? null : trimmed(values.get(0));
        if (value == null) {
            throw VendorError.missing(name + " is required");
        }
        return value;
    }

    private static String trimmed(String value) {
        if (value == null) {
            return null;
        }
        String t = value.trim();
        return t.isEmpty() ? null : t;
    }
}
