package org.openapproval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every README's Java is a test source shown verbatim (the rules are {@link ReadmeSnippets}'), and every
 * OpenApproval artifact a README's Maven block names exists. The root README's program runs here; the other
 * blocks' sources are tests, or programs run by a test, of the modules whose test class path has what they need.
 */
class ReadmeSnippetsTest {
    private static final Path ROOT = Path.of("..");

    @Test
    void everyJavaBlockOfEveryReadmeIsACompiledAndRunTestSource() throws IOException {
        List<Path> readmes = ReadmeSnippets.readmes(ROOT);
        assertTrue(readmes.size() >= 12, "found the READMEs: " + readmes);
        List<String> problems = new ArrayList<>();
        int blocks = 0;
        for (Path readme : readmes) {
            blocks += Files.readString(readme, StandardCharsets.UTF_8).split("\n```java\n", -1).length - 1;
            problems.addAll(ReadmeSnippets.problems(readme));
        }
        assertTrue(blocks >= 11, "found the Java blocks: " + blocks);
        assertEquals(List.of(), problems);
    }

    @Test
    void everyOpenApprovalArtifactAReadmeNamesIsBuiltHere() {
        Set<String> artifacts = ReadmeSnippets.artifacts(ROOT);
        assertTrue(artifacts.containsAll(Set.of("approval-core", "approval-bom", "adapter-nocoly-sandbox")), artifacts::toString);
        List<String> unknown = new ArrayList<>();
        ReadmeSnippets.readmes(ROOT).forEach(readme -> unknown.addAll(ReadmeSnippets.unknownArtifacts(readme, artifacts)));
        assertEquals(List.of(), unknown);
    }

    @Test
    void theRootReadmesProgramRunsOnTheInMemoryProvider() {
        PrintStream console = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            readme.UsingIt.main(new String[0]);
        } finally {
            System.setOut(console);
        }
        assertEquals("[LIST_DEFINITIONS, READ_PROCESSES, QUERY_PROCESSES, PENDING_TASKS, APPROVE, REJECT, RETURN, CANCEL,"
                + " START] 0 processes, 0 tasks left, last page: true", out.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void aBlockThatIsItsSourceWithoutThePackageLinePasses(@TempDir Path repo) throws IOException {
        Path readme = module(repo, "class HelloTest {\n}\n", "HelloTest");
        Files.writeString(readme, "Run by Surefire (`m/src/test/java/readme/HelloTest.java`):\n\n```java\nclass HelloTest {\n}\n```\n");
        assertEquals(List.of(), ReadmeSnippets.problems(readme));
    }

    @Test
    void aBlockThatDiffersFromItsSourceIsReported(@TempDir Path repo) throws IOException {
        Path readme = module(repo, "class HelloTest {\n}\n", "HelloTest");
        Files.writeString(readme, "See m/src/test/java/readme/HelloTest.java:\n```java\nclass HelloTest { }\n```\n");
        assertEquals(List.of(readme + " line 2: the block differs from m/src/test/java/readme/HelloTest.java"),
                ReadmeSnippets.problems(readme));
    }

    @Test
    void aBlockWithoutASourceIsReported(@TempDir Path repo) throws IOException {
        Path readme = module(repo, "class HelloTest {\n}\n", "HelloTest");
        Files.writeString(readme, "Intro.\n\nIllustrative:\n```java\nclass HelloTest {\n}\n```\n\n"
                + "From `m/src/test/java/readme/Gone.java`:\n```java\nclass Gone {\n}\n```\n");
        assertEquals(List.of(readme + " line 4: the caption above the block names no .java source",
                        readme + " line 10: its source m/src/test/java/readme/Gone.java does not exist"),
                ReadmeSnippets.problems(readme));
    }

    @Test
    void aFragmentMustOccurInTheFileItNames(@TempDir Path repo) throws IOException {
        Path readme = module(repo, "class HelloTest {\n    void a() {\n        b();\n    }\n}\n", "HelloTest");
        Files.writeString(readme, "A fragment of `m/src/test/java/readme/HelloTest.java`:\n```java\nvoid a() {\n    b();\n}\n```\n\n"
                + "A fragment of `m/src/test/java/readme/HelloTest.java`:\n```java\nvoid a() {\n    c();\n}\n```\n");
        assertEquals(List.of(readme + " line 9: the block does not occur in m/src/test/java/readme/HelloTest.java"),
                ReadmeSnippets.problems(readme));
    }

    @Test
    void aProgramMustBeRunByATestOfItsModule(@TempDir Path repo) throws IOException {
        String program = "class Hello {\n    public static void main(String[] args) {\n    }\n}\n";
        Path readme = module(repo, program, "Hello");
        Files.writeString(readme, "`m/src/test/java/readme/Hello.java`:\n```java\n" + program + "```\n");
        assertEquals(List.of(readme + " line 2: Hello.java is neither a test class nor a program whose main a test of"
                + " its module calls"), ReadmeSnippets.problems(readme));
        Files.writeString(repo.resolve("m/src/test/java/readme/HelloTest.java"), "class HelloTest { void run() { Hello.main(null); } }");
        assertEquals(List.of(), ReadmeSnippets.problems(readme));
    }

    @Test
    void aSourceOutsideAModulesTestSourcesIsReported(@TempDir Path repo) throws IOException {
        Files.writeString(repo.resolve("HelloTest.java"), "class HelloTest {\n}\n");
        Path readme = repo.resolve("README.md");
        Files.writeString(readme, "`HelloTest.java`:\n```java\nclass HelloTest {\n}\n```\n");
        assertEquals(List.of(readme + " line 2: " + repo.toAbsolutePath().normalize().resolve("HelloTest.java")
                + " is not a test source of a module, so nothing compiles it"), ReadmeSnippets.problems(readme));
    }

    /** A module m with one test source, package readme; returns where its README goes, at the repository's root. */
    private static Path module(Path repo, String code, String name) throws IOException {
        Path sources = Files.createDirectories(repo.resolve("m/src/test/java/readme"));
        Files.writeString(repo.resolve("m/pom.xml"), "<project/>");
        Files.writeString(sources.resolve(name + ".java"), "package readme;\n\n" + code);
        return repo.resolve("README.md");
    }
}
