package org.openapproval.cli;

/**
 * Text bound for the terminal with every control, format (bidi, zero-width) and separator character escaped
 * visibly as {@code \}{@code uXXXX}: vendor text can then neither colour, retitle or clear the terminal nor
 * forge a line of its own. {@link #lines} keeps the structure of a stack trace: tabs, and the line breaks that
 * start a frame ({@code \tat …}) or a cause; a line break inside a message is escaped like any other.
 */
final class TerminalText {
    private TerminalText() {
    }

    /** One line: line breaks escaped too. */
    static String line(String text) {
        return escape(text, false);
    }

    /** Several lines (a stack trace): {@code \n} kept, everything else escaped. */
    static String lines(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean keepNewlines) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean structure = keepNewlines && (c == '\t' || c == '\n' && startsTraceLine(text, i + 1));
            boolean unsafe = (Character.isISOControl(c) && !structure)
                    || Character.getType(c) == Character.FORMAT || c == '\u2028' || c == '\u2029';
            if (unsafe) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean startsTraceLine(String text, int at) {
        return at >= text.length() || text.charAt(at) == '\t' || text.startsWith("Caused by: ", at);
    }
}
