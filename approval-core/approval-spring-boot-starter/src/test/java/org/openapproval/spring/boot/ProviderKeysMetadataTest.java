package org.openapproval.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openapproval.core.bootstrap.ProviderRegistry;
import org.openapproval.core.spi.ConfigKey;
import org.openapproval.core.spi.ProviderDescriptor;

/**
 * The IDE metadata for {@code approval.<provider>.<key>} is derived from the providers' own descriptors, so it
 * cannot drift: this test rebuilds it from every provider on the test class path (in-memory, fxiaoke, nocoly)
 * and fails when the shipped file differs. The rebuilt file is written to {@code target/} for copying over.
 */
class ProviderKeysMetadataTest {
    private static final Path SHIPPED =
            Path.of("src", "main", "resources", "META-INF", "additional-spring-configuration-metadata.json");

    @Test
    void shippedMetadataIsWhatTheProvidersDeclare() throws Exception {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        String expected = json.writeValueAsString(rebuild(json)) + "\n";
        Path rebuilt = Path.of("target", "additional-spring-configuration-metadata.json");
        Files.writeString(rebuilt, expected, StandardCharsets.UTF_8);
        assertEquals(expected, Files.readString(SHIPPED, StandardCharsets.UTF_8),
                "the configuration metadata must list exactly the keys the providers declare; copy " + rebuilt
                        + " over " + SHIPPED);
    }

    private static ObjectNode rebuild(ObjectMapper json) {
        ObjectNode root = json.createObjectNode();
        ArrayNode groups = root.putArray("groups");
        ArrayNode properties = root.putArray("properties");
        ArrayNode providers = root.putArray("hints").addObject().put("name", "approval.provider").putArray("values");
        for (ProviderDescriptor d : ProviderRegistry.load().descriptors()) {
            groups.addObject().put("name", "approval." + d.id()).put("description", d.displayName() + ".");
            providers.addObject().put("value", d.id()).put("description", d.displayName());
            for (ConfigKey k : d.configKeys()) {
                ObjectNode p = properties.addObject().put("name", "approval." + k.fullName(d.id()))
                        .put("type", "java.lang.String")
                        .put("description", k.description() + (k.required() ? " Required." : "")
                                + (k.secret() ? " Secret: never printed." : ""));
                k.defaultValue().ifPresent(v -> p.put("defaultValue", v));
            }
        }
        return root;
    }
}
