package org.openapproval.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The root README's Java is a test source shown verbatim: every ```java block must be the text of a file
 * under src/test/java/readme (its package line aside), which compiles with this module's tests and runs here.
 */
class ReadmeSnippetsTest {
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyJavaBlockOfTheReadmeIsACompiledAndRunTestSource() throws IOException {
        String text = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        List<String> blocks = new ArrayList<>();
        Matcher m = JAVA_BLOCK.matcher(text);
        while (m.find()) {
            blocks.add(m.group(1).strip());
        }
        assertFalse(blocks.isEmpty(), "the README shows Java");
        List<String> sources = new ArrayList<>();
        try (var files = Files.list(Path.of("src", "test", "java", "readme"))) {
            for (Path f : files.toList()) {
                sources.add(Files.readString(f, StandardCharsets.UTF_8).replaceFirst("package readme;\\s*", "").strip());
            }
        }
        for (String block : blocks) {
            assertTrue(sources.contains(block), "README block is not a verbatim test source:\n" + block);
        }
        assertDoesNotThrow(() -> readme.UsingIt.main(new String[0]));
    }
}
