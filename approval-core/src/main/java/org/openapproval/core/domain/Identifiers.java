package org.openapproval.core.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Shared rules for the ids, names and texts of the domain: not null, not blank, bounded, and free of
 * control characters and line separators, so a value can never smuggle a line break into a header or a
 * log line. Ids and names also refuse invisible format characters (bidi overrides), which could make a
 * printed id look like another. Public so commands and providers apply the very same rules.
 */
public final class Identifiers {
    public static final int MAX_SEGMENT_LENGTH = 256;
    public static final int MAX_TEXT_LENGTH = 4000;
    private static final char SEPARATOR = ':';

    private Identifiers() {
    }

    /** An id or short name: 1..256 characters, no control, separator or format characters. */
    public static String requireSegment(String value, String what) {
        Objects.requireNonNull(value, () -> what + " must not be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        if (value.length() > MAX_SEGMENT_LENGTH) {
            throw new IllegalArgumentException(
                    what + " is " + value.length() + " characters long; the limit is " + MAX_SEGMENT_LENGTH);
        }
        requireNoControlCharacters(value, what, false);
        requireNoFormatCharacters(value, what);
        return value;
    }

    /** Free text (a comment, a reason): bounded, no control characters except, if allowed, line breaks and tabs. */
    public static String requireText(String value, String what, int maxLength, boolean allowLineBreaks) {
        Objects.requireNonNull(value, () -> what + " must not be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(
                    what + " is " + value.length() + " characters long; the limit is " + maxLength);
        }
        requireNoControlCharacters(value, what, allowLineBreaks);
        return value;
    }

    private static void requireNoFormatCharacters(String value, String what) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.getType(value.charAt(i)) == Character.FORMAT) {
                throw new IllegalArgumentException(what + " contains an invisible format character (U+"
                        + String.format("%04X", (int) value.charAt(i)) + ") at index " + i);
            }
        }
    }

    private static void requireNoControlCharacters(String value, String what, boolean allowLineBreaks) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean lineBreak = c == '\n' || c == '\r' || c == '\t';
            boolean separator = c == '\u2028' || c == '\u2029' || c == '\u0085';
            if ((Character.isISOControl(c) || separator) && !(allowLineBreaks && lineBreak)) {
                throw new IllegalArgumentException(
                        what + " contains a control character (U+" + String.format("%04X", (int) c) + ") at index " + i);
            }
        }
    }

    /** Joins segments with ':'; '%' and ':' inside a segment are percent-escaped, so parsing is exact. */
    static String join(List<String> segments) {
        StringBuilder out = new StringBuilder();
        for (String segment : segments) {
            if (out.length() > 0) {
                out.append(SEPARATOR);
            }
            out.append(segment.replace("%", "%25").replace(":", "%3A").replace("/", "%2F"));
        }
        return out.toString();
    }

    static List<String> split(String encoded, String what) {
        Objects.requireNonNull(encoded, () -> what + " must not be null");
        if (encoded.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        List<String> segments = new ArrayList<>();
        for (String raw : encoded.split(String.valueOf(SEPARATOR), -1)) {
            segments.add(unescape(raw, what, encoded));
        }
        return segments;
    }

    private static String unescape(String raw, String what, String whole) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i + 2 >= raw.length()) {
                throw new IllegalArgumentException(what + " '" + whole + "' has a broken escape");
            }
            String code = raw.substring(i + 1, i + 3);
            switch (code.toUpperCase(java.util.Locale.ROOT)) {
                case "25" -> out.append('%');
                case "3A" -> out.append(':');
                case "2F" -> out.append('/');
                default -> throw new IllegalArgumentException(what + " '" + whole + "' has an unknown escape %" + code);
            }
            i += 2;
        }
        return out.toString();
    }

    /** The segments as a list; a null segment is refused naming {@code what} (List.of would say nothing). */
    static java.util.List<String> listOf(String[] segments, String what) {
        for (String s : segments) {
            Objects.requireNonNull(s, () -> what + " must not be null");
        }
        return java.util.List.of(segments);
    }
}
