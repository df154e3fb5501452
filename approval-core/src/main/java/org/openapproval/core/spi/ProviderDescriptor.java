package org.openapproval.core.spi;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.openapproval.core.port.in.Capability;
import org.openapproval.core.port.in.StartInput;

/**
 * Cheap self-description of a provider, available without creating it: a stable lower-case id, a display
 * name, the config keys it declares, every capability it can offer with some configuration, which
 * parts of a start command its start honours, and why a capability may be missing.
 *
 * <p>Hosts list providers from their descriptors alone (the CLI's {@code approval providers}), so a
 * descriptor and the provider class holding it should load nothing heavy: no HTTP client, injector or
 * JSON mapper until {@link ApprovalProvider#create} runs.
 *
 * @param id stable lower-case id, words joined by '-', e.g. {@code nocoly}
 * @param displayName a name for people
 * @param configKeys the configuration keys it declares
 * @param capabilities every capability it can offer with some configuration
 * @param startInputs the parts of a {@code StartCommand} its start honours; empty without {@link Capability#START}
 * @param unsupportedReasons why a capability may be missing, in the words its {@link ProviderPorts} use: for
 *        one outside {@code capabilities}, why it is never offered; for one inside, what configuration it needs
 *        (e.g. which keys)
 */
public record ProviderDescriptor(String id, String displayName, List<ConfigKey> configKeys,
                                 Set<Capability> capabilities, Set<StartInput> startInputs,
                                 Map<Capability, String> unsupportedReasons) {
    /** What {@link #unsupportedReason} says of a capability the provider never offers and gave no reason for. */
    public static final String NOT_OFFERED = "not offered by this provider in any configuration";
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    /**
     * Checks and copies the components.
     *
     * @param id stable lower-case id
     * @param displayName a name for people
     * @param configKeys the configuration keys it declares
     * @param capabilities every capability it can offer with some configuration
     * @param startInputs the parts of a start command its start honours
     * @param unsupportedReasons why a capability may be missing
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
        Objects.requireNonNull(unsupportedReasons, "unsupportedReasons");
        Map<Capability, String> reasons = new EnumMap<>(Capability.class);
        for (Map.Entry<Capability, String> e : unsupportedReasons.entrySet()) {
            if (Objects.requireNonNull(e.getValue(), "reason").isBlank()) {
                throw new IllegalArgumentException("provider " + id + " gives a blank reason for " + e.getKey());
            }
            reasons.put(Objects.requireNonNull(e.getKey(), "capability"), e.getValue());
        }
        unsupportedReasons = Collections.unmodifiableMap(reasons);
    }

    /**
     * A descriptor that gives no reasons for missing capabilities; add them with {@link #withUnsupported}.
     *
     * @param id stable lower-case id
     * @param displayName a name for people
     * @param configKeys the configuration keys it declares
     * @param capabilities every capability it can offer with some configuration
     * @param startInputs the parts of a start command its start honours
     */
    public ProviderDescriptor(String id, String displayName, List<ConfigKey> configKeys, Set<Capability> capabilities,
                              Set<StartInput> startInputs) {
        this(id, displayName, configKeys, capabilities, startInputs, Map.of());
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
        return new ProviderDescriptor(id, displayName, configKeys, capabilities, honoured, unsupportedReasons);
    }

    /**
     * Says, without creating the provider, why a capability may be missing: for one the provider never
     * offers, why not; for one it offers only with some configuration, what that configuration is. Use the
     * same words as {@link ProviderPorts.Builder#unsupported}, so a host that lists providers tells what a
     * created one would.
     *
     * @param capability the capability
     * @param reason why it may be missing, for the application's developer
     * @return this descriptor with that reason
     */
    public ProviderDescriptor withUnsupported(Capability capability, String reason) {
        Map<Capability, String> reasons = new EnumMap<>(Capability.class);
        reasons.putAll(unsupportedReasons);
        reasons.put(Objects.requireNonNull(capability, "capability"), Objects.requireNonNull(reason, "reason"));
        return new ProviderDescriptor(id, displayName, configKeys, capabilities, startInputs, reasons);
    }

    /**
     * @param capability a capability
     * @return why it may be missing: the declared reason; {@link #NOT_OFFERED} for a capability outside
     *         {@link #capabilities()} without one; empty for a capability offered with no stated condition
     */
    public Optional<String> unsupportedReason(Capability capability) {
        String reason = unsupportedReasons.get(Objects.requireNonNull(capability, "capability"));
        if (reason != null) {
            return Optional.of(reason);
        }
        return capabilities.contains(capability) ? Optional.empty() : Optional.of(NOT_OFFERED);
    }

    /**
     * @param name a short key name, e.g. {@code app-key}
     * @return the declared key of that name, or empty
     */
    public Optional<ConfigKey> configKey(String name) {
        return configKeys.stream().filter(k -> k.name().equals(name)).findFirst();
    }
}
