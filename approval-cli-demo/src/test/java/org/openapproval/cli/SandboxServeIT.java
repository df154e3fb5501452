package org.openapproval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real processes: `approval sandbox serve` in one, `show` / `approve` against it from another. Bounded in
 * time; the server is killed whatever happens.
 */
class SandboxServeIT {
    private static final Path JAR = Path.of("target", "approval.jar");
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @Test
    void aServedSandboxKeepsItsStateAcrossCommandsInAnotherProcess(@TempDir Path dir) throws Exception {
        assertTrue(Files.isRegularFile(JAR), "package the module first: " + JAR.toAbsolutePath());
        Path config = dir.resolve("fxiaoke.properties");
        Process server = new ProcessBuilder(List.of(JAVA.toString(), "-jar", JAR.toString(), "sandbox", "serve", "-p",
                "fxiaoke", "--write-config", config.toString())).redirectErrorStream(true).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(),
                    StandardCharsets.UTF_8));
            List<String> banner = CompletableFuture.supplyAsync(() -> readUntil(lines, "ready"))
                    .get(60, TimeUnit.SECONDS);
            String text = String.join("\n", banner);
            // keep draining the server's output, so it never blocks on a full pipe
            CompletableFuture<String> rest = CompletableFuture.supplyAsync(() -> String.join("\n",
                    readUntil(lines, null)));
            assertTrue(text.contains("export APPROVAL_FXIAOKE_ENDPOINT=http://127.0.0.1:"), text);
            Matcher process = Pattern.compile("approval show (\\S+) -p fxiaoke").matcher(text);
            assertTrue(process.find(), text);

            Run shown = run(dir, "show", process.group(1), "-p", "fxiaoke", "-c", config.toString());
            assertEquals(0, shown.code(), shown.output());
            Matcher task = Pattern.compile("bob {2}PENDING {3}task (\\S+)").matcher(shown.output());
            assertTrue(task.find(), shown.output());
            Run approved = run(dir, "approve", task.group(1), "--as", "bob", "--comment", "fine", "-p", "fxiaoke",
                    "-c", config.toString());
            assertEquals(0, approved.code(), approved.output());
            Run after = run(dir, "show", process.group(1), "-p", "fxiaoke", "-c", config.toString());
            assertTrue(after.output().contains("APPROVED by bob"), "the second command saw the first's write: "
                    + after.output());

            // SIGTERM, as Ctrl-C's SIGINT: the shutdown hook stops the sandbox (through the handle, since
            // Process.destroy() also closes our end of its output before we read the goodbye)
            server.toHandle().destroy();
            assertTrue(server.waitFor(30, TimeUnit.SECONDS), "serve did not stop");
            String tail = rest.get(30, TimeUnit.SECONDS);
            assertTrue(tail.contains("sandbox stopped"), tail);
        } finally {
            server.destroyForcibly();
        }
    }

    private record Run(int code, String output) {
    }

    private static Run run(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(JAVA.toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "cli", ".out");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "approval " + String.join(" ", args) + " hung");
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            p.destroyForcibly();
        }
    }

    /** Lines up to and including the first that starts with {@code marker}, or to the end when it is null. */
    private static List<String> readUntil(BufferedReader reader, String marker) {
        List<String> read = new ArrayList<>();
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                read.add(line);
                if (marker != null && line.startsWith(marker)) {
                    return read;
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return read;
    }
}
