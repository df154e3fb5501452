package org.openapproval.core.spi;

import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.openapproval.core.port.in.Capability;
import org.openapproval.core.port.in.StartInput;

/**
 * Cheap self-description of a provider, available without creating it: a stable lower-case id, a display
 * name, the config keys it declares, every capability it can offer with some configuration, and which
 * parts of a start command its start honours.
 *
 * @param id stable lower-case id, words joined by '-', e.g. {@code nocoly}
 * @param displayName a name for people
 * @param configKeys the configuration keys it declares
 * @param capabilities every capability it can offer with some configuration
 * @param startInputs the parts of a {@code StartCommand} its start honours; empty without {@link Capability#START}
 */
public record ProviderDescriptor(String id, String displayName, List<ConfigKey> configKeys,
                                 Set<Capability> capabilities, Set<StartInput> startInputs) {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    /**
     * Checks and copies the components.
     *
     * @param id stable lower-case id
     * @param displayName a name for people
     * @param configKeys the configuration keys it declares
     * @param capabilities every capability it can offer with some configuration
     * @param startInputs the parts of a start command its start honours
     */
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
        capabilities = capabilities.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(capabilities));
        Objects.requireNonNull(startInputs, "startInputs");
        startInputs = startInputs.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(startInputs));
        if (!startInputs.isEmpty() && !capabilities.contains(Capability.START)) {
            throw new IllegalArgumentException("provider " + id + " declares start inputs " + startInputs
                    + " but not the START capability");
        }
    }

    /**
     * A descriptor whose start (if it has one) honours input values only, not a record or an initiator;
     * declare more with {@link #withStartInputs}.
     *
     * @param id stable lower-case id
     * @param displayName a name for people
     * @param configKeys the configuration keys it declares
     * @param capabilities every capability it can offer with some configuration
     */
    public ProviderDescriptor(String id, String displayName, List<ConfigKey> configKeys, Set<Capability> capabilities) {
        this(id, displayName, configKeys, capabilities,
                capabilities.contains(Capability.START) ? EnumSet.of(StartInput.INPUTS) : Set.of());
    }

    /**
     * @param honoured the parts of a {@code StartCommand} the provider's start honours
     * @return this descriptor with those start inputs
     */
    public ProviderDescriptor withStartInputs(Set<StartInput> honoured) {
        return new ProviderDescriptor(id, displayName, configKeys, capabilities, honoured);
    }

    /**
     * @param name a short key name, e.g. {@code app-key}
     * @return the declared key of that name, or empty
     */
    public Optional<ConfigKey> configKey(String name) {
        return configKeys.stream().filter(k -> k.name().equals(name)).findFirst();
    }
}
