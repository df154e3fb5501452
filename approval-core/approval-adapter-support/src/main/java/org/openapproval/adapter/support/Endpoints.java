package org.openapproval.adapter.support;

import org.openapproval.core.spi.ProviderConfig;
import org.openapproval.core.spi.ProviderConfigurationException;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import org.openapproval.core.domain.ErrorContext;

/**
 * Checks shared by providers' configurations: a vendor endpoint must be https, except plain http to this
 * machine (sandboxes), so credentials never cross a network in clear text; time-outs must be positive
 * and bounded. Errors name the full key and never quote credentials or query strings.
 */
public final class Endpoints {
    static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);

    private Endpoints() {
    }

    /** The endpoint of {@code config}'s key, checked; a trailing slash is dropped. */
    public static URI secureBaseUri(ProviderConfig config, String key) {
        String raw = config.require(key);
        String name = config.providerId() + "." + key;
        if (ConfigValues.holdsSecret(config, raw)) {
            throw invalid(config, name + " holds a configured secret; expected scheme://host[:port][/path]");
        }
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) < 0x21 || raw.charAt(i) > 0x7e) {
                throw invalid(config, name + " may hold visible ASCII characters only; percent-encode the rest");
            }
        }
        URI uri;
        try {
            uri = new URI(raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw);
        } catch (URISyntaxException e) {
            throw invalid(config, name + " '" + redacted(raw) + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null) {
            throw invalid(config, name + " '" + redacted(raw)
                    + "' must be scheme://host[:port][/path] without query or credentials");
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw invalid(config, name + " '" + redacted(raw) + "' uses plain http to a non-loopback host; use https");
        }
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw invalid(config, name + " '" + redacted(raw) + "' must use https");
        }
        try {
            // scheme and host are case-insensitive: normalised here so every later comparison and the HTTP
            // client see one spelling
            return new URI(scheme, null, uri.getHost().toLowerCase(Locale.ROOT), uri.getPort(), uri.getPath(),
                    null, null);
        } catch (URISyntaxException e) {
            throw invalid(config, name + " '" + redacted(raw) + "' is not a URL: " + e.getReason());
        }
    }

    /** A time-out between 1 ms and 10 minutes (HTTP clients take int milliseconds and reject zero). */
    public static Duration timeout(ProviderConfig config, String key) {
        Duration d = config.getDuration(key).orElseThrow(() -> invalid(config, config.providerId() + "." + key
                + " has no value"));
        if (d.toMillis() < 1 || d.compareTo(MAX_TIMEOUT) > 0) {
            throw invalid(config, config.providerId() + "." + key + " is " + d + "; expected between 1ms and 10m");
        }
        return d;
    }

    /** Quotes a URL without its user:password part or its query. */
    static String redacted(String raw) {
        return raw.replaceAll("//[^/@]*@", "//****@").replaceAll("[?#].*", "?****");
    }

    /** Only literal loopback addresses and "localhost"; no name is resolved. */
    static boolean isLoopback(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        boolean ipv4 = h.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = h.contains(":") && h.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
        if (!ipv4 && !ipv6) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress(); // a literal: parsed, not looked up
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static ProviderConfigurationException invalid(ProviderConfig config, String message) {
        return new ProviderConfigurationException(message, ErrorContext.provider(config.providerId()), null);
    }
}
