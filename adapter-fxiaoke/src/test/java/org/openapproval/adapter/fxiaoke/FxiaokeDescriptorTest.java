package org.openapproval.adapter.fxiaoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openapproval.core.port.in.Capability;
import org.openapproval.core.spi.ProviderConfig;
import org.openapproval.core.spi.ProviderDescriptor;
import org.openapproval.core.spi.ProviderPorts;

/**
 * What a host learns from the descriptor alone (the CLI's {@code approval providers}) agrees with what a created
 * provider says, and reading it loads no injector, HTTP client, JSON mapper or mapper classes.
 */
class FxiaokeDescriptorTest {
    private final FxiaokeApprovalProvider provider = new FxiaokeApprovalProvider();
    private final ProviderDescriptor descriptor = provider.descriptor();

    @Test
    void everyMissingCapabilityIsMissingForTheDescriptorsReason() {
        try (ProviderPorts ports = provider.create(ProviderConfig.of(descriptor, Map.of("app-id", "FSAID_placeholder",
                "app-secret", "placeholder", "permanent-code", "placeholder", "default-user-id", "1000")))) {
            for (Capability c : Capability.values()) {
                assertEquals(ports.unsupportedReason(c), ports.capabilities().contains(c) ? Optional.empty()
                        : descriptor.unsupportedReason(c), c.name());
            }
            assertTrue(ports.unsupportedReason(Capability.START).orElseThrow().contains("no API that starts"));
        }
    }

    @Test
    void theDescriptorSaysWhyForEveryCapabilityItMayLack() {
        for (Capability c : Capability.values()) {
            if (!descriptor.capabilities().contains(c)) {
                assertTrue(descriptor.unsupportedReasons().containsKey(c), c + " is never offered: say why");
            }
        }
    }

    @Test
    void readingTheDescriptorLoadsNoGuiceFeignJacksonOrMapStructClass(@TempDir Path dir)
            throws IOException, InterruptedException {
        Path log = dir.resolve("classes.log");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Xlog:class+load=info:file=" + log, "-cp",
                System.getProperty("java.class.path"), DescribeOnly.class.getName())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child JVM did not finish within 60 s");
        assertEquals(0, child.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8));
        List<String> loaded = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains(" source: ")).map(line -> line.split(" ")[1]).toList();
        assertTrue(loaded.contains(FxiaokeApprovalProvider.class.getName()), "the log lists what was loaded");
        assertEquals(List.of(), loaded.stream().filter(name -> name.startsWith("com.google.inject.")
                || name.startsWith("com.google.common.") || name.startsWith("feign.")
                || name.startsWith("com.fasterxml.jackson.") || name.startsWith("org.mapstruct.")).toList());
    }

    /** The child JVM: what a host listing providers does with this one. */
    static final class DescribeOnly {
        public static void main(String[] args) {
            ProviderDescriptor d = new FxiaokeApprovalProvider().descriptor();
            StringBuilder text = new StringBuilder(d.id()).append(' ').append(d.configKeys()).append(' ');
            for (Capability c : Capability.values()) {
                text.append(c).append(d.unsupportedReason(c));
            }
            System.out.println(text);
        }
    }
}
