package org.openapproval.adapter.support;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one filter every vendor- or transport-provided text passes before it reaches an exception, a log line
 * or a terminal. It replaces the configured secret values and the live tokens it was told of, anything shaped
 * like a credential ({@code sign=…}, {@code "appSecret":"…"}, {@code Bearer …}) and the query of every URL
 * (signed URLs); it escapes control, format and bidi characters visibly ({@code \u001b}) and bounds the
 * length. Thread-safe; one per service, knowing that service's secrets.
 */
public final class Scrubber {
    /** What a secret is replaced with. */
    public static final String MASK = "****";
    /** Longest text kept; vendors' messages are a sentence, not a page. */
    static final int MAX_LENGTH = 1000;
    /** Live tokens remembered; older ones expired long ago. */
    private static final int MAX_TOKENS = 16;
    /** Shorter values are not masked: "1" or "ab" would mangle every message and protect nothing. */
    private static final int MIN_SECRET_LENGTH = 4;
    private static final Pattern URL_QUERY = Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*://[^\\s?#\"'<>]*)[?#][^\\s\"'<>]*");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer)\\s+[^\\s\"',;]+");
    private static final Pattern CREDENTIAL = Pattern.compile("(?i)(\"?\\b(?:[a-z_-]*(?:secret|sign|signature|token|"
            + "password|permanent_?code|permanentcode|appkey|app_key|accesskey)[a-z_-]*)\"?\\s*[=:]\\s*\"?)"
            + "([^\\s\"'&,;}\\]]+)");

    /** Masks no configured value, only credential-shaped text; for code that knows no service. */
    public static final Scrubber GENERIC = new Scrubber(List.of());

    private final List<String> secrets;
    private final Deque<String> tokens = new ArrayDeque<>();

    private Scrubber(Collection<String> secrets) {
        this.secrets = secrets.stream().filter(Objects::nonNull).filter(s -> s.length() >= MIN_SECRET_LENGTH)
                .distinct().toList();
    }

    /** A scrubber masking these configured values (secrets; null and very short values are ignored). */
    public static Scrubber of(Collection<String> secrets) {
        return new Scrubber(List.copyOf(Objects.requireNonNull(secrets, "secrets").stream()
                .filter(Objects::nonNull).toList()));
    }

    /** Masks {@code token} too from now on (a live access token as it is issued). */
    public void addToken(String token) {
        if (token == null || token.length() < MIN_SECRET_LENGTH) {
            return;
        }
        synchronized (tokens) {
            if (tokens.contains(token)) {
                return;
            }
            if (tokens.size() == MAX_TOKENS) {
                tokens.removeFirst();
            }
            tokens.addLast(token);
        }
    }

    /** {@code text} without secrets, credentials or URL queries, control characters escaped; null stays null. */
    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        String out = text.length() > 4 * MAX_LENGTH ? text.substring(0, 4 * MAX_LENGTH) : text;
        for (String secret : secrets) {
            out = out.replace(secret, MASK);
        }
        List<String> live;
        synchronized (tokens) {
            live = List.copyOf(tokens);
        }
        for (String token : live) {
            out = out.replace(token, MASK);
        }
        out = URL_QUERY.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "?" + MASK));
        out = BEARER.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " " + MASK));
        out = CREDENTIAL.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        out = escapeControls(out);
        return out.length() > MAX_LENGTH ? out.substring(0, MAX_LENGTH) + "…" : out;
    }

    /**
     * Control (C0, DEL, C1), format (bidi overrides and isolates, zero-width) and line/paragraph separator
     * characters as visible {@code \}{@code uXXXX}; everything else as is. For one-line text bound for a terminal.
     */
    public static String escapeControls(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean unsafe = Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || c == '\u2028' || c == '\u2029';
            if (unsafe && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (unsafe) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }
}
