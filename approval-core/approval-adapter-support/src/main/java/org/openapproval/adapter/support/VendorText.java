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
        StringBuilder out = new StringBuilder(raw.length());
        raw.codePoints().filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT
                        && c != '\u2028' && c != '\u2029')
                .forEach(out::appendCodePoint);
        String text = out.toString().strip();
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
        StringBuilder out = new StringBuilder(raw.length());
        raw.codePoints().filter(c -> (!Character.isISOControl(c) || c == '\n' || c == '\r' || c == '\t')
                        && c != '\u2028' && c != '\u2029')
                .forEach(out::appendCodePoint);
        String text = out.toString();
        if (text.isBlank()) {
            return null;
        }
        return text.length() > Decision.MAX_COMMENT_LENGTH ? text.substring(0, Decision.MAX_COMMENT_LENGTH) : text;
    }
}
