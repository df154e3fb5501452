package org.openapproval.sandbox.nocoly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The sandbox is written from the vendor documents only: its compiled classes name no class of the
 * adapter's other packages (client, dto, mapping, the provider) nor of another adapter. Checked on the
 * class files' constant pools, so it needs no extra test library.
 */
class NocolySandboxIndependenceTest {
    private static final Pattern FOREIGN = Pattern.compile(
            "org/openapproval/(adapter/nocoly/(?!sandbox/)[A-Za-z]|adapter/(?!nocoly/)[a-z]|cli/|core/(application|testing|guice)/)");

    @Test
    void sandboxClassesReferenceNoAdapterClass() throws IOException, URISyntaxException {
        Path classes = Path.of(NocolySandbox.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("org/openapproval/sandbox/nocoly");
        List<String> offences = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.list(classes)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                checked++;
                Matcher m = FOREIGN.matcher(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
                while (m.find()) {
                    offences.add(f.getFileName() + " -> " + m.group());
                }
            }
        }
        assertTrue(checked >= 8, "found only " + checked + " sandbox classes in " + classes);
        assertEquals(List.of(), offences);
    }
}
