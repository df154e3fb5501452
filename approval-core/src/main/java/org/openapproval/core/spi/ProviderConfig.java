package org.openapproval.core.spi;


import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.openapproval.core.domain.ErrorContext;

/**
 * The configuration of one provider instance: values by short key name ({@code app-secret}), checked
 * against the keys the provider declares. Secret values never appear in {@link #toString()} or in any
 * exception message.
 */
public final class ProviderConfig {
    static final String MASK = "****";
    private final ProviderDescriptor descriptor;
    private final Map<String, String> values;

    private ProviderConfig(ProviderDescriptor descriptor, Map<String, String> values) {
        this.descriptor = descriptor;
        this.values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * Explicit values only. Keys may be short ({@code app-id}) or full ({@code fxiaoke.app-id}).
     *
     * @param descriptor the provider's descriptor
     * @param values values by short or full key
     * @return the configuration
     * @throws ProviderConfigurationException for keys the provider does not declare
     */
    public static ProviderConfig of(ProviderDescriptor descriptor, Map<String, String> values) {
        return resolve(descriptor, ConfigSources.explicitOnly(values));
    }

    /**
     * Layers the sources (defaults &lt; file &lt; environment &lt; system properties &lt; explicit).
     *
     * @param descriptor the provider's descriptor
     * @param sources the layers
     * @return the configuration
     * @throws ProviderConfigurationException for explicit or file keys the provider does not declare
     */
    public static ProviderConfig resolve(ProviderDescriptor descriptor, ConfigSources sources) {
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(sources, "sources");
        String id = descriptor.id();
        Map<String, String> resolved = new LinkedHashMap<>();
        for (ConfigKey key : descriptor.configKeys()) {
            key.defaultValue().ifPresent(v -> resolved.put(key.name(), v));
            String full = key.fullName(id);
            putIfPresent(resolved, key.name(), sources.propertiesFile().get(full));
            putIfPresent(resolved, key.name(), sources.environment().get(key.environmentName(id)));
            putIfPresent(resolved, key.name(), sources.systemProperties().get(full));
        }
        List<String> unknown = new ArrayList<>();
        sources.explicit().forEach((k, v) -> {
            String name = k.startsWith(id + ".") ? k.substring(id.length() + 1) : k;
            if (descriptor.configKey(name).isPresent()) {
                putIfPresent(resolved, name, v);
            } else {
                unknown.add(k);
            }
        });
        // A file is written for this library, so an entry with our prefix that names no key is a typo. The
        // environment and system properties are shared with everything else and are not checked this way.
        sources.propertiesFile().keySet().stream()
                .filter(k -> k.startsWith(id + ".") && descriptor.configKey(k.substring(id.length() + 1)).isEmpty())
                .forEach(unknown::add);
        if (!unknown.isEmpty()) {
            throw new ProviderConfigurationException("provider " + id + " has no config key(s) " + unknown
                    + "; it declares: " + declaredNames(descriptor), ErrorContext.provider(id), null);
        }
        return new ProviderConfig(descriptor, resolved);
    }

    /** A blank value counts as absent, so it never hides a lower layer's value or the default. */
    private static void putIfPresent(Map<String, String> into, String key, String value) {
        if (value != null && !value.isBlank()) {
            into.put(key, value.trim());
        }
    }

    private static String declaredNames(ProviderDescriptor d) {
        List<String> names = d.configKeys().stream().map(k -> k.fullName(d.id())).toList();
        return names.isEmpty() ? "(no keys)" : String.join(", ", names);
    }

    static String environmentName(String fullKey) {
        return "APPROVAL_" + fullKey.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** @return the provider's id */
    public String providerId() {
        return descriptor.id();
    }

    /** @return the provider's descriptor */
    public ProviderDescriptor descriptor() {
        return descriptor;
    }

    /**
     * The value (explicit or default) of a declared key; blank values count as absent.
     *
     * @param name a declared short key name
     * @return its value, or empty
     */
    public Optional<String> get(String name) {
        requireDeclared(name);
        return Optional.ofNullable(values.get(name)).filter(v -> !v.isBlank());
    }

    /**
     * @param name a declared short key name
     * @return its value
     * @throws ProviderConfigurationException if it has none
     */
    public String require(String name) {
        return get(name).orElseThrow(() -> missing(List.of(descriptor.configKey(name).orElseThrow())));
    }

    /**
     * @param name a declared short key name
     * @return its value as a whole number, or empty
     * @throws ProviderConfigurationException if the value is not a whole number
     */
    public Optional<Integer> getInt(String name) {
        return get(name).map(v -> {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw malformed(name, v, "a whole number", e);
            }
        });
    }

    /**
     * Accepts ISO-8601 ({@code PT10S}) or a number with unit: {@code 500ms}, {@code 10s}, {@code 2m}.
     *
     * @param name a declared short key name
     * @return its value as a duration, or empty
     */
    public Optional<Duration> getDuration(String name) {
        return get(name).map(v -> {
            try {
                Duration d = parseDuration(v);
                if (d.isNegative()) {
                    throw new NumberFormatException("negative");
                }
                return d;
            } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
                throw malformed(name, v, "a non-negative duration such as 500ms, 10s, 2m or PT10S", e);
            }
        });
    }

    static Duration parseDuration(String v) {
        String s = v.trim().toLowerCase(Locale.ROOT);
        if (s.startsWith("pt") || s.startsWith("p")) {
            return Duration.parse(v.trim().toUpperCase(Locale.ROOT));
        }
        if (s.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2).trim()));
        }
        if (s.endsWith("s")) {
            return Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1).trim()));
        }
        if (s.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(s.substring(0, s.length() - 1).trim()));
        }
        throw new NumberFormatException("no unit");
    }

    /**
     * Checks every required key has a value.
     *
     * @return this configuration
     * @throws ProviderConfigurationException naming every missing key at once
     */
    public ProviderConfig validate() {
        List<ConfigKey> missing = descriptor.configKeys().stream()
                .filter(ConfigKey::required)
                .filter(k -> get(k.name()).isEmpty())
                .toList();
        if (!missing.isEmpty()) {
            throw missing(missing);
        }
        return this;
    }

    /**
     * @param name a short key name
     * @return whether its value is secret (never printed)
     */
    public boolean isSecret(String name) {
        return descriptor.configKey(name).map(ConfigKey::secret).orElse(false);
    }

    /** @return values by full key with secrets replaced by {@value #MASK}; safe to log */
    public Map<String, String> masked() {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(descriptor.id() + "." + k, isSecret(k) ? MASK : v));
        return java.util.Collections.unmodifiableMap(out);
    }

    private void requireDeclared(String name) {
        if (descriptor.configKey(name).isEmpty()) {
            throw new IllegalArgumentException("provider " + descriptor.id() + " declares no config key '" + name + "'");
        }
    }

    private ProviderConfigurationException missing(List<ConfigKey> keys) {
        String id = descriptor.id();
        List<String> described = keys.stream()
                .map(k -> k.fullName(id) + " (env " + k.environmentName(id) + ")").toList();
        return new ProviderConfigurationException("provider " + id + " is missing required config: "
                + String.join(", ", described), ErrorContext.provider(id), null);
    }

    private ProviderConfigurationException malformed(String name, String value, String expected, Exception cause) {
        // a secret put under the wrong key is still a secret: never quoted
        boolean secretValue = isSecret(name) || descriptor.configKeys().stream().filter(ConfigKey::secret)
                .map(k -> values.get(k.name())).anyMatch(s -> s != null && !s.isBlank() && value.contains(s.strip()));
        String shown = secretValue ? MASK : "'" + value + "'";
        // The parser's own message quotes the value, so a secret's cause is dropped.
        return new ProviderConfigurationException(descriptor.id() + "." + name + " is " + shown + "; expected "
                + expected, ErrorContext.provider(descriptor.id()), secretValue ? null : cause);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProviderConfig c && c.descriptor.id().equals(descriptor.id()) && c.values.equals(values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(descriptor.id(), values);
    }

    @Override
    public String toString() {
        return "ProviderConfig" + masked();
    }
}
