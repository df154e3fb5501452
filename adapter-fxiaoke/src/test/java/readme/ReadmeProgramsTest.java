package readme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The README programs this module's test class path can run (the provider with its sandbox), run. */
class ReadmeProgramsTest {
    @Test
    void coreReadmeApprovesTheSeededContract() {
        assertEquals("IN_PROGRESS (in_progress)\nAPPROVED\n", printedBy(ApproveOnFxiaoke::main));
    }

    @Test
    void adapterReadmeConnectsAndReadsARecordWithoutApprovals() {
        assertEquals("[]\n", printedBy(ConnectToFxiaoke::main));
    }

    @Test
    void sandboxReadmeReadsThroughAnOutage() {
        // the refused token request, its retry, and the read
        assertEquals("IN_PROGRESS after 3 requests\n", printedBy(TryTheFxiaokeSandbox::main));
    }

    /** What a program prints; the programs are short and print only at their end. */
    static String printedBy(Consumer<String[]> program) {
        PrintStream console = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            program.accept(new String[0]);
        } finally {
            System.setOut(console);
        }
        return out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
