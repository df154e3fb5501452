package org.openapproval.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules that keep the READMEs' Java honest. Each ```java block is captioned by the paragraph right above it,
 * which names its source: a path ending in {@code .java}, relative to the README (the last one named counts).
 * The block is that file's text, its package line aside, or, if the caption says "fragment of", lines that occur
 * in it verbatim (indentation aside). The source is a test source of a module, so that module's test compilation
 * compiles it, and it runs: a test class by Surefire's naming, or a program whose {@code main} another test
 * source of the module calls.
 */
final class ReadmeSnippets {
    private static final Pattern JAVA_BLOCK = Pattern.compile("^```java\\n(.*?)^```", Pattern.DOTALL | Pattern.MULTILINE);
    private static final Pattern JAVA_PATH = Pattern.compile("[\\w.-]+(?:/[\\w.-]+)*\\.java");
    private static final Pattern PACKAGE_LINE = Pattern.compile("\\A\\s*package [\\w.]+;\\s*");
    private static final Pattern OUR_ARTIFACT = Pattern.compile(
            "<groupId>org\\.openapproval</groupId>\\s*<artifactId>([\\w.-]+)</artifactId>");
    private static final Pattern POM_PARENT = Pattern.compile("<parent>.*?</parent>", Pattern.DOTALL);
    private static final Pattern POM_ARTIFACT = Pattern.compile("<artifactId>([\\w.-]+)</artifactId>");
    private static final String TEST_SOURCES = "src/test/java";

    private ReadmeSnippets() {
    }

    /** Every README.md of the repository, outside build output and hidden folders. */
    static List<Path> readmes(Path root) {
        return files(root, "README.md");
    }

    /** Every problem of one README's Java blocks; empty when each is a compiled and run test source. */
    static List<String> problems(Path readme) {
        String text = read(readme);
        List<String> problems = new ArrayList<>();
        Matcher block = JAVA_BLOCK.matcher(text);
        while (block.find()) {
            String where = readme + " line " + (text.substring(0, block.start()).split("\n", -1).length);
            String caption = captionAbove(text, block.start());
            Matcher named = JAVA_PATH.matcher(caption);
            String path = null;
            while (named.find()) {
                path = named.group();
            }
            if (path == null) {
                problems.add(where + ": the caption above the block names no .java source");
                continue;
            }
            Path source = readme.toAbsolutePath().getParent().resolve(path).normalize();
            if (!Files.isRegularFile(source)) {
                problems.add(where + ": its source " + path + " does not exist");
                continue;
            }
            String snippet = block.group(1).strip();
            String code = read(source);
            boolean fragment = caption.contains("fragment of");
            if (fragment ? !containsLines(code, snippet)
                    : !snippet.equals(code.strip()) && !snippet.equals(PACKAGE_LINE.matcher(code).replaceFirst("").strip())) {
                problems.add(where + ": the block " + (fragment ? "does not occur in " : "differs from ") + path);
            }
            problems.addAll(compiledAndRun(where, source));
        }
        return problems;
    }

    /** The org.openapproval artifacts the README's Maven blocks name that no module of the repository builds. */
    static List<String> unknownArtifacts(Path readme, Set<String> artifacts) {
        List<String> unknown = new ArrayList<>();
        Matcher named = OUR_ARTIFACT.matcher(read(readme));
        while (named.find()) {
            if (!artifacts.contains(named.group(1))) {
                unknown.add(readme + ": org.openapproval:" + named.group(1) + " is no artifact of this repository");
            }
        }
        return unknown;
    }

    /** The artifact ids of the repository's modules. */
    static Set<String> artifacts(Path root) {
        return Set.copyOf(files(root, "pom.xml").stream().map(pom -> {
            Matcher id = POM_ARTIFACT.matcher(POM_PARENT.matcher(read(pom)).replaceFirst(""));
            return id.find() ? id.group(1) : pom.toString();
        }).toList());
    }

    private static List<String> compiledAndRun(String where, Path source) {
        String unix = source.toString().replace('\\', '/');
        int at = unix.indexOf("/" + TEST_SOURCES + "/");
        if (at < 0 || !Files.isRegularFile(Path.of(unix.substring(0, at), "pom.xml"))) {
            return List.of(where + ": " + source + " is not a test source of a module, so nothing compiles it");
        }
        String name = source.getFileName().toString().replaceFirst("\\.java$", "");
        if (name.startsWith("Test") || name.endsWith("Test") || name.endsWith("Tests") || name.endsWith("TestCase")) {
            return List.of(); // Surefire runs it
        }
        Path tests = Path.of(unix.substring(0, at), TEST_SOURCES);
        boolean run = read(source).contains("static void main(") && files(tests, null).stream()
                .filter(f -> f.toString().endsWith(".java") && !f.equals(source))
                .map(ReadmeSnippets::read)
                .anyMatch(t -> t.contains(name + "::main") || t.contains(name + ".main("));
        return run ? List.of() : List.of(where + ": " + source.getFileName()
                + " is neither a test class nor a program whose main a test of its module calls");
    }

    /** The paragraph right above a block: the lines back to the previous blank line. */
    private static String captionAbove(String text, int blockStart) {
        String[] lines = text.substring(0, blockStart).split("\n");
        StringBuilder caption = new StringBuilder();
        for (int i = lines.length - 1; i >= 0 && !lines[i].isBlank(); i--) {
            caption.insert(0, lines[i] + "\n");
        }
        return caption.toString();
    }

    /** Whether the snippet's lines occur one after another in the code, each group of lines compared without the indentation they share. */
    private static boolean containsLines(String code, String snippet) {
        List<String> want = dedent(snippet.lines().toList());
        List<String> have = code.lines().toList();
        for (int i = 0; i + want.size() <= have.size(); i++) {
            if (dedent(have.subList(i, i + want.size())).equals(want)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> dedent(List<String> lines) {
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent).stripTrailing()).toList();
    }

    /** Files under a folder, named so (any name when null), outside build output and hidden folders. */
    private static List<Path> files(Path root, String fileName) {
        List<Path> found = new ArrayList<>();
        Path start = root.toAbsolutePath().normalize();
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean skip = !dir.equals(start) && (name.startsWith(".") || name.equals("target"));
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (fileName == null || file.getFileName().toString().equals(fileName)) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.sort(null);
        return List.copyOf(found);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
