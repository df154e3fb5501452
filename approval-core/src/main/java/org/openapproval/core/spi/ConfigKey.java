package org.openapproval.core.spi;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One configuration key a provider declares: its short name (the full key is {@code <provider id>.<name>}),
 * whether it is required, whether its value is secret (never printed), its default and a description.
 *
 * @param name short name, lower-case words joined by '-'
 * @param required whether a value must be given
 * @param secret whether the value is never printed
 * @param defaultValue the default, if any
 * @param description what the value is, for people
 */
public record ConfigKey(String name, boolean required, boolean secret, Optional<String> defaultValue,
                        String description) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    /**
     * Checks the components.
     *
     * @param name short name, lower-case words joined by '-'
     * @param required whether a value must be given
     * @param secret whether the value is never printed
     * @param defaultValue the default, if any (never for required or secret keys)
     * @param description what the value is, for people
     */
    public ConfigKey {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("config key name '" + name + "' must be lower-case words joined by '-'");
        }
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(description, "description");
        if (required && defaultValue.isPresent()) {
            throw new IllegalArgumentException("config key '" + name + "' is required, so it cannot have a default");
        }
        if (secret && defaultValue.isPresent()) {
            throw new IllegalArgumentException("config key '" + name + "' is secret, so it cannot have a default");
        }
    }

    /**
     * @param name short name, lower-case words joined by '-'
     * @param description what the value is, for people
     * @return a required, non-secret key
     */
    public static ConfigKey required(String name, String description) {
        return new ConfigKey(name, true, false, Optional.empty(), description);
    }

    /**
     * @param name short name
     * @param description what the value is
     * @return a required secret key
     */
    public static ConfigKey requiredSecret(String name, String description) {
        return new ConfigKey(name, true, true, Optional.empty(), description);
    }

    /**
     * @param name short name
     * @param defaultValue the default, or null for none
     * @param description what the value is
     * @return an optional key
     */
    public static ConfigKey optional(String name, String defaultValue, String description) {
        return new ConfigKey(name, false, false, Optional.ofNullable(defaultValue), description);
    }

    /**
     * @param name short name
     * @param description what the value is
     * @return an optional secret key without default
     */
    public static ConfigKey optionalSecret(String name, String description) {
        return new ConfigKey(name, false, true, Optional.empty(), description);
    }

    /**
     * @param providerId the provider's id
     * @return the full key, e.g. {@code fxiaoke.app-secret}
     */
    public String fullName(String providerId) {
        return providerId + "." + name;
    }

    /**
     * @param providerId the provider's id
     * @return the environment variable, e.g. {@code APPROVAL_FXIAOKE_APP_SECRET}
     */
    public String environmentName(String providerId) {
        return ProviderConfig.environmentName(fullName(providerId));
    }
}
