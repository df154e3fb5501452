package org.openapproval.adapter.support;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.openapproval.core.domain.ErrorContext;
import org.openapproval.core.spi.ConfigKey;
import org.openapproval.core.spi.ProviderConfig;
import org.openapproval.core.spi.ProviderConfigurationException;

/**
 * Strict checks, at connect, of configuration values that end up on the wire, so a bad value is refused
 * naming its key instead of failing every later call inside the HTTP client. Messages never quote a value
 * that equals (or contains) any configured secret: a secret put under the wrong key stays secret.
 */
public final class ConfigValues {
    static final long MIN_RESPONSE_BYTES = 1024;
    static final long MAX_RESPONSE_BYTES = 1024L * 1024 * 1024;

    private ConfigValues() {
    }

    /**
     * A value that becomes an HTTP header or a query parameter: visible ASCII only (no space, CR, LF, NUL,
     * other control characters or non-ASCII).
     */
    public static String wireToken(ProviderConfig config, String key) {
        return checkedToken(config, key, config.require(key));
    }

    /** {@link #wireToken} for an optional key. */
    public static Optional<String> optionalWireToken(ProviderConfig config, String key) {
        return config.get(key).map(v -> checkedToken(config, key, v));
    }

    private static String checkedToken(ProviderConfig config, String key, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw invalid(config, key + " may hold visible ASCII characters only (it is sent in a header or "
                        + "query); it has " + describe(c) + " at position " + (i + 1));
            }
        }
        return value;
    }

    private static String describe(char c) {
        return switch (c) {
            case '\r' -> "a carriage return";
            case '\n' -> "a line feed";
            case '\0' -> "a NUL";
            case ' ' -> "a space";
            default -> c < 0x20 || c == 0x7f ? "a control character" : "a non-ASCII character";
        };
    }

    /**
     * A size such as {@code 16MB}, {@code 512KB}, {@code 1GB} or a number of bytes, between 1 KB and 1 GB.
     */
    public static long size(ProviderConfig config, String key) {
        String raw = config.require(key).trim().toUpperCase(Locale.ROOT);
        long unit = 1;
        String digits = raw;
        for (String[] u : List.of(new String[] {"KB", "1024"}, new String[] {"MB", "1048576"},
                new String[] {"GB", "1073741824"}, new String[] {"B", "1"})) {
            if (raw.endsWith(u[0])) {
                unit = Long.parseLong(u[1]);
                digits = raw.substring(0, raw.length() - u[0].length()).trim();
                break;
            }
        }
        long bytes;
        try {
            bytes = digits.length() > 12 ? Long.MAX_VALUE : Math.multiplyExact(Long.parseLong(digits), unit);
        } catch (NumberFormatException | ArithmeticException e) {
            bytes = -1;
        }
        if (bytes < MIN_RESPONSE_BYTES || bytes > MAX_RESPONSE_BYTES) {
            throw invalid(config, key + " is " + quote(config, config.require(key))
                    + "; expected a size between 1KB and 1GB such as 512KB or 16MB");
        }
        return bytes;
    }

    /** {@code 'value'}, or a note that it is not shown when it holds a configured secret. */
    public static String quote(ProviderConfig config, String value) {
        return holdsSecret(config, value) ? "(a value not shown: it holds a configured secret)"
                : "'" + Scrubber.escapeControls(value) + "'";
    }

    static boolean holdsSecret(ProviderConfig config, String value) {
        if (value == null) {
            return false;
        }
        for (ConfigKey k : config.descriptor().configKeys()) {
            if (k.secret()) {
                Optional<String> secret = config.get(k.name());
                if (secret.isPresent() && (value.contains(secret.get().strip())
                        || secret.get().contains(value.strip()) && value.strip().length() >= 4)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The values of every secret key that is set, for a {@link Scrubber}. */
    public static List<String> secrets(ProviderConfig config) {
        return config.descriptor().configKeys().stream().filter(ConfigKey::secret)
                .map(k -> config.get(k.name())).flatMap(Optional::stream).toList();
    }

    static ProviderConfigurationException invalid(ProviderConfig config, String message) {
        Objects.requireNonNull(config, "config");
        return new ProviderConfigurationException(config.providerId() + "." + message,
                ErrorContext.provider(config.providerId()), null);
    }
}
