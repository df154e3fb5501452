package org.openapproval.core.spi;


import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Where configuration values come from, lowest precedence first: provider defaults, a properties file,
 * environment variables ({@code APPROVAL_FXIAOKE_APP_SECRET}), system properties
 * ({@code -Dfxiaoke.app-secret=…}), explicit values. Each map is a snapshot, so resolution is
 * deterministic and tests can pass their own environment.
 *
 * @param propertiesFile values of a properties file, by full key ({@code nocoly.app-key})
 * @param environment environment variables, by name ({@code APPROVAL_NOCOLY_APP_KEY})
 * @param systemProperties system properties, by full key
 * @param explicit values given in code, by short or full key
 */
public record ConfigSources(Map<String, String> propertiesFile, Map<String, String> environment,
                            Map<String, String> systemProperties, Map<String, String> explicit) {
    /**
     * Copies and checks the layers.
     *
     * @param propertiesFile values of a properties file, by full key
     * @param environment environment variables, by name
     * @param systemProperties system properties, by full key
     * @param explicit values given in code, by short or full key
     */
    public ConfigSources {
        propertiesFile = Map.copyOf(Objects.requireNonNull(propertiesFile, "propertiesFile"));
        environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        systemProperties = Map.copyOf(Objects.requireNonNull(systemProperties, "systemProperties"));
        explicit = copyExplicit(explicit);
    }

    /**
     * Only explicit values: no environment, no system properties, no file.
     *
     * @param explicit values by short or full key
     * @return the sources
     */
    public static ConfigSources explicitOnly(Map<String, String> explicit) {
        return new ConfigSources(Map.of(), Map.of(), Map.of(), explicit);
    }

    /**
     * This JVM's environment and system properties, plus explicit values.
     *
     * @param explicit values by short or full key, above the environment and system properties
     * @return the sources
     */
    public static ConfigSources fromSystem(Map<String, String> explicit) {
        Map<String, String> props = new LinkedHashMap<>();
        System.getProperties().forEach((k, v) -> props.put(String.valueOf(k), String.valueOf(v)));
        return new ConfigSources(Map.of(), System.getenv(), props, explicit);
    }

    /**
     * The same sources with a properties file (UTF-8) beneath the environment.
     *
     * @param file the properties file
     * @return the sources with the file's values
     * @throws ProviderConfigurationException if the file is missing or unreadable
     */
    public ConfigSources withPropertiesFile(Path file) {
        Objects.requireNonNull(file, "file");
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ProviderConfigurationException("config file " + file + " does not exist",
                    org.openapproval.core.domain.ErrorContext.none(), e);
        } catch (IOException | IllegalArgumentException e) {
            // IllegalArgumentException: Properties.load on a malformed unicode escape
            throw new ProviderConfigurationException("cannot read config file " + file + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"),
                    org.openapproval.core.domain.ErrorContext.none(), e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        p.forEach((k, v) -> values.put(String.valueOf(k).trim(), String.valueOf(v).trim()));
        return new ConfigSources(values, environment, systemProperties, explicit);
    }

    /** Names only: values may be secrets, and the environment holds other programs' secrets too. */
    @Override
    public String toString() {
        return "ConfigSources[propertiesFile=" + propertiesFile.keySet() + ", environment=" + environment.size()
                + " variables, systemProperties=" + systemProperties.size() + " entries, explicit="
                + explicit.keySet() + "]";
    }

    private static Map<String, String> copyExplicit(Map<String, String> explicit) {
        Objects.requireNonNull(explicit, "explicit");
        Map<String, String> copy = new LinkedHashMap<>();
        explicit.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "config key"),
                Objects.requireNonNull(v, () -> "config value of " + k)));
        return java.util.Collections.unmodifiableMap(copy);
    }
}
