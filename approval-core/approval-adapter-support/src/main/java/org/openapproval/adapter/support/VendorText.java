package org.openapproval.adapter.support;

import org.openapproval.core.domain.Decision;

import org.openapproval.core.domain.Identifiers;

/**
 * Free text from a vendor (names, opinions) made acceptable to the domain's rules instead of failing a whole
 * read: control, format and line-separator characters dropped, length bounded. For providers' mappers.
 */
public final class VendorText {
    private VendorText() {
    }

    /** A display name: one line, at most 256 characters; null when nothing is left (or given). */
    public static String name(String raw) {
        if (raw == null) {
            return null;
        }
        String text = kept(raw, false).strip();
        if (text.isEmpty()) {
            return null;
        }
        return text.length() > Identifiers.MAX_SEGMENT_LENGTH ? text.substring(0, Identifiers.MAX_SEGMENT_LENGTH) : text;
    }

    /** A comment: line breaks and tabs kept, other control characters dropped, at most 4000 characters. */
    public static String comment(String raw) {
        if (raw == null) {
            return null;
        }
        String text = kept(raw, true);
        if (text.isBlank()) {
            return null;
        }
        return text.length() > Decision.MAX_COMMENT_LENGTH ? text.substring(0, Decision.MAX_COMMENT_LENGTH) : text;
    }

    /**
     * {@code raw} without the characters a name or comment may not hold; {@code raw} itself when it has none,
     * which is nearly always (a loop, not a code point stream: every name of every read passes here).
     */
    private static String kept(String raw, boolean lineBreaks) {
        StringBuilder out = null;
        for (int i = 0; i < raw.length(); ) {
            int c = raw.codePointAt(i);
            int next = i + Character.charCount(c);
            if (dropped(c, lineBreaks)) {
                if (out == null) {
                    out = new StringBuilder(raw.length()).append(raw, 0, i);
                }
            } else if (out != null) {
                out.appendCodePoint(c);
            }
            i = next;
        }
        return out == null ? raw : out.toString();
    }

    private static boolean dropped(int c, boolean lineBreaks) {
        if (c == '\u2028' || c == '\u2029') {
            return true;
        }
        if (Character.isISOControl(c)) {
            return !(lineBreaks && (c == '\n' || c == '\r' || c == '\t'));
        }
        return !lineBreaks && Character.getType(c) == Character.FORMAT;
    }
}
