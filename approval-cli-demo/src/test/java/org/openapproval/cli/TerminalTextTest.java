package org.openapproval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.openapproval.core.domain.ErrorContext;
import org.openapproval.core.domain.InvalidRequestException;

/** Vendor text on stderr cannot drive the terminal or forge a line (issue 10, item 4). */
class TerminalTextTest {
    private static final String HOSTILE = "\u001b[31mred\u001b[0m \u001b]0;pwned\u0007\u001b[2J\r\n"
            + "approval: everything is fine \u202egnp.exe";

    @Test
    void reportsEscapeControlAndBidiCharactersWithAndWithoutVerbose() {
        for (boolean verbose : new boolean[] {false, true}) {
            InvalidRequestException e = new InvalidRequestException("refused",
                    ErrorContext.provider("p").withVendorMessage(HOSTILE), null);
            StringWriter out = new StringWriter();
            ApprovalCli.report(e, new PrintWriter(out), verbose, UnaryOperator.identity());
            String printed = out.toString();
            assertTrue(printed.chars().noneMatch(c -> c == 0x1b || c == 0x07 || c == '\r' || c == 0x202e),
                    printed);
            long forged = printed.lines().filter(l -> l.startsWith("approval: everything is fine")).count();
            assertEquals(0, forged, printed);
            assertTrue(printed.contains("\\u001b[31mred"), printed);
        }
    }

    @Test
    void plainTextIsLeftAlone() {
        assertEquals("approval: ok – 审批 done", TerminalText.line("approval: ok – 审批 done"));
        assertEquals("a\n\tat b\nCaused by: c", TerminalText.lines("a\n\tat b\nCaused by: c"));
        assertEquals("a\\u000aapproval: forged", TerminalText.lines("a\napproval: forged"));
        assertFalse(TerminalText.line("a\nb").contains("\n"));
    }
}
