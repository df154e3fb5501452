package org.openapproval.core.spi;



import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openapproval.core.spi.SpiFixtures.FXIAOKE;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSourcesTest {
    @TempDir
    Path dir;

    @Test
    void explicitOnlyHasNoOtherLayers() {
        ConfigSources s = ConfigSources.explicitOnly(Map.of("app-id", "x"));
        assertEquals(Map.of(), s.propertiesFile());
        assertEquals(Map.of(), s.environment());
        assertEquals(Map.of(), s.systemProperties());
        assertEquals(Map.of("app-id", "x"), s.explicit());
    }

    @Test
    void mapsAreSnapshots() {
        Map<String, String> env = new HashMap<>(Map.of("APPROVAL_FXIAOKE_APP_ID", "before"));
        Map<String, String> explicit = new HashMap<>();
        ConfigSources s = new ConfigSources(Map.of(), env, Map.of(), explicit);
        env.put("APPROVAL_FXIAOKE_APP_ID", "after");
        explicit.put("app-id", "late");
        assertEquals("before", s.environment().get("APPROVAL_FXIAOKE_APP_ID"));
        assertEquals(Map.of(), s.explicit());
        assertThrows(UnsupportedOperationException.class, () -> s.explicit().put("a", "b"));
    }

    @Test
    void explicitKeepsInsertionOrder() {
        Map<String, String> explicit = new LinkedHashMap<>();
        for (String k : List.of("z", "a", "m", "b")) {
            explicit.put(k, k);
        }
        assertEquals(List.of("z", "a", "m", "b"), List.copyOf(ConfigSources.explicitOnly(explicit).explicit().keySet()));
    }

    @Test
    void nullsAreRejected() {
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("app-id", null);
        NullPointerException e = assertThrows(NullPointerException.class, () -> ConfigSources.explicitOnly(nullValue));
        assertTrue(String.valueOf(e.getMessage()).contains("app-id"), e.getMessage());
        assertThrows(NullPointerException.class, () -> ConfigSources.explicitOnly(null));
        assertThrows(NullPointerException.class, () -> new ConfigSources(null, Map.of(), Map.of(), Map.of()));
    }

    @Test
    void withPropertiesFileReadsUtf8AndTrims() throws IOException {
        Path file = dir.resolve("approval.properties");
        Files.writeString(file, String.join("\n",
                "# comment",
                "fxiaoke.app-id =  FSAID_审批  ",
                "fxiaoke.timeout=2m",
                "nocoly.app-key=other-provider",
                ""), StandardCharsets.UTF_8);
        ConfigSources s = ConfigSources.explicitOnly(Map.of("max-retries", "7")).withPropertiesFile(file);

        assertEquals("FSAID_审批", s.propertiesFile().get("fxiaoke.app-id"));
        assertEquals(Map.of("max-retries", "7"), s.explicit(), "other layers are kept");
        ProviderConfig c = ProviderConfig.resolve(FXIAOKE, s);
        assertEquals(Optional.of("FSAID_审批"), c.get("app-id"));
        assertEquals(Optional.of("2m"), c.get("timeout"));
        assertEquals(Optional.of(7), c.getInt("max-retries"));
    }

    @Test
    void propertiesFileSitsBeneathTheEnvironment() throws IOException {
        Path file = dir.resolve("approval.properties");
        Files.writeString(file, "fxiaoke.timeout=1s\nfxiaoke.base-url=http://file\n", StandardCharsets.UTF_8);
        ConfigSources s = new ConfigSources(Map.of(), Map.of("APPROVAL_FXIAOKE_TIMEOUT", "2s"), Map.of(), Map.of())
                .withPropertiesFile(file);
        ProviderConfig c = ProviderConfig.resolve(FXIAOKE, s);
        assertEquals(Optional.of("2s"), c.get("timeout"));
        assertEquals(Optional.of("http://file"), c.get("base-url"));
    }

    @Test
    void misspeltKeyInPropertiesFileIsRejected() throws IOException {
        Path file = dir.resolve("approval.properties");
        Files.writeString(file, "fxiaoke.app-idd=x\n", StandardCharsets.UTF_8);
        ConfigSources s = ConfigSources.explicitOnly(Map.of()).withPropertiesFile(file);
        ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class,
                () -> ProviderConfig.resolve(FXIAOKE, s));
        assertTrue(e.getMessage().contains("fxiaoke.app-idd"), e.getMessage());
    }

    @Test
    void missingFileIsAClearConfigurationError() {
        Path missing = dir.resolve("nope.properties");
        ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class,
                () -> ConfigSources.explicitOnly(Map.of()).withPropertiesFile(missing));
        assertEquals("config file " + missing + " does not exist", e.getMessage());
        assertInstanceOf(NoSuchFileException.class, e.getCause());
    }

    @Test
    void aMalformedFileIsNamedInTheError() throws java.io.IOException {
        Path bad = dir.resolve("bad.properties");
        java.nio.file.Files.writeString(bad, "fxiaoke.app-id=\\u12G4\n");
        ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class,
                () -> ConfigSources.explicitOnly(Map.of()).withPropertiesFile(bad));
        assertTrue(e.getMessage().startsWith("cannot read config file " + bad), e.getMessage());
    }

    @Test
    void directoryInsteadOfFileIsAConfigurationError() {
        assertThrows(ProviderConfigurationException.class,
                () -> ConfigSources.explicitOnly(Map.of()).withPropertiesFile(dir));
    }

    @Test
    void nullFileRejected() {
        assertThrows(NullPointerException.class, () -> ConfigSources.explicitOnly(Map.of()).withPropertiesFile(null));
    }

    @org.junit.jupiter.api.Test
    void toStringShowsKeyNamesButNeverValues() {
        ConfigSources sources = new ConfigSources(java.util.Map.of("fxiaoke.app-secret", "FILE-SECRET"),
                java.util.Map.of("APPROVAL_FXIAOKE_APP_SECRET", "ENV-SECRET"), java.util.Map.of("x", "PROP-SECRET"),
                java.util.Map.of("app-secret", "EXPLICIT-SECRET"));
        String text = sources.toString();
        org.junit.jupiter.api.Assertions.assertFalse(text.contains("SECRET\"") || text.contains("-SECRET"), text);
        org.junit.jupiter.api.Assertions.assertTrue(text.contains("app-secret"), text);
    }
}
