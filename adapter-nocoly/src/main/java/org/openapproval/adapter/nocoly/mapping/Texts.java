package org.openapproval.adapter.nocoly.mapping;

import org.openapproval.core.domain.Decision;

/** Vendor free text made safe for the domain's rules: no stray control characters, bounded length. */
final class Texts {
    private Texts() {
    }

    /** A display name as the domain accepts it (one line, at most 256 characters), or null when blank. */
    static String name(String raw) {
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
        return text.length() > 256 ? text.substring(0, 256) : text;
    }

    /** A comment as the domain accepts it, or null when there is nothing left. */
    static String comment(String raw) {
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
