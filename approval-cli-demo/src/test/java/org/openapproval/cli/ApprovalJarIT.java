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

/** The packaged jar as a real process, as users run it (run by failsafe after packaging). */
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

    /**
     * Listing providers needs their descriptors only: no injector, HTTP client or mapper is built, so none of
     * Guice, Guava, Feign or MapStruct is loaded, and Jackson only for JSON. Counted from the JVM's class-loading
     * log, which does not depend on how busy the machine is.
     */
    @Test
    void listingProvidersLoadsNoInjectorHttpClientOrMapperClasses() throws IOException, InterruptedException {
        List<String> table = classesLoadedBy("providers");
        assertEquals(List.of(), heavy(table, "com.fasterxml.jackson."), "table");
        assertTrue(table.contains("org.openapproval.adapter.nocoly.NocolyApprovalProvider"), "providers were found");

        List<String> json = classesLoadedBy("providers", "-o", "json");
        assertEquals(List.of(), heavy(json), "json");
        assertTrue(json.stream().anyMatch(c -> c.startsWith("com.fasterxml.jackson.")), "JSON is written by Jackson");
    }

    private static List<String> heavy(List<String> loaded, String... alsoForbidden) {
        List<String> prefixes = new java.util.ArrayList<>(List.of("com.google.inject.", "com.google.common.",
                "feign.", "org.mapstruct."));
        prefixes.addAll(List.of(alsoForbidden));
        return loaded.stream().filter(c -> prefixes.stream().anyMatch(c::startsWith)).toList();
    }

    private static List<String> classesLoadedBy(String... args) throws IOException, InterruptedException {
        Path jar = Path.of("target", "approval.jar");
        Path log = Files.createTempFile("approval-classes", ".log");
        Path out = Files.createTempFile("approval-out", ".txt");
        try {
            List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
                    "java").toString(), "-Xlog:class+load=info:file=" + log, "-jar", jar.toString()));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "approval " + String.join(" ", args) + " took over 60 s");
            assertEquals(0, process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
            assertTrue(Files.readString(out, StandardCharsets.UTF_8).contains("nocoly"));
            return Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> l.contains(" source: "))
                    .map(l -> l.split(" ")[1]).toList();
        } finally {
            Files.deleteIfExists(log);
            Files.deleteIfExists(out);
        }
    }
}
