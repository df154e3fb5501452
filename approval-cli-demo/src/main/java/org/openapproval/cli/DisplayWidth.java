package org.openapproval.cli;

/**
 * Terminal columns a text takes, by Unicode East Asian Width: wide and fullwidth characters (CJK
 * ideographs, kana, Hangul, fullwidth forms, most emoji) take two cells, combining marks none, the rest
 * one. Ambiguous characters count as one, as in non-CJK locales.
 */
final class DisplayWidth {
    private DisplayWidth() {
    }

    static int of(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            width += cells(cp);
            i += Character.charCount(cp);
        }
        return width;
    }

    /** {@code text} followed by spaces up to {@code width} display cells. */
    static String pad(String text, int width) {
        int missing = width - of(text);
        return missing <= 0 ? text : text + " ".repeat(missing);
    }

    /**
     * Word-wraps a line to {@code width} display cells; continuation lines are indented four cells past the
     * line's own indentation. A single word longer than the width stays whole.
     */
    static String wrap(String line, int width) {
        if (of(line) <= width) {
            return line;
        }
        int lead = line.length() - line.stripLeading().length();
        String indent = " ".repeat(lead + 4);
        StringBuilder out = new StringBuilder();
        StringBuilder current = new StringBuilder(line.substring(0, lead));
        boolean empty = true;
        for (String word : line.substring(lead).split(" ")) {
            if (!empty && of(current.toString()) + 1 + of(word) > width) {
                out.append(current.toString().stripTrailing()).append(System.lineSeparator());
                current = new StringBuilder(indent);
                empty = true;
            }
            if (!empty) {
                current.append(' ');
            }
            current.append(word);
            empty = false;
        }
        return out.append(current).toString();
    }

    static int cells(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                || cp == 0x200B) {
            return 0;
        }
        return isWide(cp) ? 2 : 1;
    }

    // the W and F ranges of EastAsianWidth.txt, merged where neighbouring
    private static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F)
                || (cp >= 0x231A && cp <= 0x231B)
                || (cp >= 0x2E80 && cp <= 0x303E)
                || (cp >= 0x3041 && cp <= 0x33FF)
                || (cp >= 0x3400 && cp <= 0x4DBF)
                || (cp >= 0x4E00 && cp <= 0x9FFF)
                || (cp >= 0xA000 && cp <= 0xA4CF)
                || (cp >= 0xA960 && cp <= 0xA97F)
                || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFE10 && cp <= 0xFE19)
                || (cp >= 0xFE30 && cp <= 0xFE6F)
                || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x1F300 && cp <= 0x1F64F)
                || (cp >= 0x1F900 && cp <= 0x1F9FF)
                || (cp >= 0x20000 && cp <= 0x3FFFD);
    }
}
