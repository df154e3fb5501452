package org.openapproval.spring.boot;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openapproval.core.spi.ConfigKey;
import org.openapproval.core.spi.ConfigSources;
import org.openapproval.core.spi.ProviderConfig;
import org.openapproval.core.spi.ProviderDescriptor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Reads a provider's declared keys from the Spring {@code Environment}: {@code approval.<provider>.<key>} with
 * Spring's relaxed binding (so {@code APPROVAL_NOCOLY_APPKEY} works), and also the library's own environment
 * name ({@code APPROVAL_NOCOLY_APP_KEY}) so one deployment recipe serves plain and Spring applications.
 */
final class SpringEnvironmentConfig {
    private SpringEnvironmentConfig() {
    }

    static ProviderConfig resolve(ProviderDescriptor descriptor, Environment environment) {
        Binder binder = Binder.get(environment);
        Map<String, String> values = new LinkedHashMap<>();
        for (ConfigKey key : descriptor.configKeys()) {
            String springName = "approval." + key.fullName(descriptor.id());
            String value = binder.bind(springName, String.class)
                    .orElseGet(() -> environment.getProperty(key.environmentName(descriptor.id())));
            if (value != null && !value.isBlank()) {
                values.put(key.name(), value);
            }
        }
        // Spring already layered its sources (properties, environment, system properties, command line).
        return ProviderConfig.resolve(descriptor, ConfigSources.explicitOnly(values));
    }
}
