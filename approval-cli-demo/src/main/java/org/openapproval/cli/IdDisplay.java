package org.openapproval.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Short display forms for long vendor ids in tables and the demo. Nocoly's composite ids run to about 125
 * characters; each long segment keeps its last {@value #KEEP} characters behind "…", which is what tells
 * sibling ids apart. Full ids stay in `show` and in JSON, which is what to paste into the next command.
 */
final class IdDisplay {
    /** Ids up to this length are shown whole. */
    static final int MAX = 24;
    private static final int KEEP = 6;
    private static final Pattern SEGMENT = Pattern.compile("[^:/]+");

    private IdDisplay() {
    }

    static String shorten(String id) {
        if (id.length() <= MAX) {
            return id;
        }
        Matcher m = SEGMENT.matcher(id);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String segment = m.group();
            // words such as "SalesOrderObj" or "task-b" stay; long numbers and hex ids shrink
            boolean idLike = segment.chars().anyMatch(Character::isDigit);
            m.appendReplacement(out, Matcher.quoteReplacement(idLike && segment.length() > KEEP + 2
                    ? "…" + segment.substring(segment.length() - KEEP) : segment));
        }
        m.appendTail(out);
        return out.toString();
    }

    static boolean isShortened(String id) {
        return !shorten(id).equals(id);
    }
}
