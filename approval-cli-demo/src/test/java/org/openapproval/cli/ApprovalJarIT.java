package org.openapproval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged jar as a real process: `java -jar approval.jar demo` (run by failsafe after packaging). */
class ApprovalJarIT {

    @Test
    void theDemoRunsFromThePackagedJar() throws IOException, InterruptedException {
        Path jar = Path.of("target", "approval.jar");
        assertTrue(Files.isRegularFile(jar), "package the module first: " + jar.toAbsolutePath());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path out = Files.createTempFile("approval-demo", ".out");
        Process process = new ProcessBuilder(List.of(java.toString(), "-jar", jar.toString(), "demo"))
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "demo did not finish within 120 s");
        String output = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("=== fxiaoke") && output.contains("=== nocoly") && output.contains("=== in-memory"),
                "ServiceLoader files of every adapter survived shading: " + output);
        String finals = output.substring(output.indexOf("final states"));
        assertTrue(finals.contains("REJECTED") && finals.contains("CANCELLED") && finals.contains("IN_PROGRESS"),
                finals);
        Files.deleteIfExists(out);
    }
}
