package org.openapproval.core.spi;

import org.openapproval.core.port.in.Capability;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cheap self-description of a provider, available without creating it: a stable lower-case id, a display
 * name, the config keys it declares and every capability it can offer with some configuration.
 */
public record ProviderDescriptor(String id, String displayName, List<ConfigKey> configKeys,
                                 Set<Capability> capabilities) {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    public ProviderDescriptor {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("provider id '" + id + "' must be lower-case words joined by '-'");
        }
        Objects.requireNonNull(displayName, "displayName");
        configKeys = List.copyOf(Objects.requireNonNull(configKeys, "configKeys"));
        Set<String> names = new HashSet<>();
        for (ConfigKey k : configKeys) {
            if (!names.add(k.name())) {
                throw new IllegalArgumentException("provider " + id + " declares config key '" + k.name() + "' twice");
            }
        }
        Objects.requireNonNull(capabilities, "capabilities");
        capabilities = capabilities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(capabilities));
    }

    public Optional<ConfigKey> configKey(String name) {
        return configKeys.stream().filter(k -> k.name().equals(name)).findFirst();
    }
}
