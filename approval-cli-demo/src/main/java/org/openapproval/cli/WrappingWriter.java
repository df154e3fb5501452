package org.openapproval.cli;

import java.io.PrintWriter;
import java.io.Writer;

/** Passes text on line by line, word-wrapping each line to a number of display cells. */
final class WrappingWriter extends Writer {
    private final PrintWriter target;
    private final int columns;
    private final StringBuilder line = new StringBuilder();

    WrappingWriter(PrintWriter target, int columns) {
        this.target = target;
        this.columns = columns;
    }

    @Override
    public void write(char[] chars, int off, int len) {
        for (int i = off; i < off + len; i++) {
            char c = chars[i];
            if (c == '\n') {
                target.println(DisplayWidth.wrap(stripCarriageReturn(line.toString()), columns));
                line.setLength(0);
            } else {
                line.append(c);
            }
        }
    }

    private static String stripCarriageReturn(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public void flush() {
        target.flush();
    }

    @Override
    public void close() {
        if (line.length() > 0) {
            target.print(DisplayWidth.wrap(line.toString(), columns));
            line.setLength(0);
        }
        target.flush();
    }
}
