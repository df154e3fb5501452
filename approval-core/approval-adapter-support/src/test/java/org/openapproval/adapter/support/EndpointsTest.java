package org.openapproval.adapter.support;

import org.openapproval.core.port.in.Capability;
import org.openapproval.core.spi.ConfigKey;
import org.openapproval.core.spi.ProviderConfig;
import org.openapproval.core.spi.ProviderConfigurationException;
import org.openapproval.core.spi.ProviderDescriptor;

import org.openapproval.core.spi.ProviderDescriptor;
import org.openapproval.core.spi.ConfigKey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EndpointsTest {
    private static final ProviderDescriptor VENDOR = new ProviderDescriptor("vendor", "Vendor",
            List.of(ConfigKey.optional("endpoint", "https://api.example.com", "base"),
                    ConfigKey.optional("read-timeout", "30s", "time-out")), Set.of(Capability.READ_PROCESSES));

    private static ProviderConfig config(String key, String value) {
        return ProviderConfig.of(VENDOR, Map.of(key, value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://api.example.com/", "https://host:8443/api", "http://127.0.0.1:9", "http://localhost",
            "http://[::1]:80"})
    void httpsAnywhereAndHttpOnlyToThisMachine(String raw) {
        URI uri = Endpoints.secureBaseUri(config("endpoint", raw), "endpoint");
        assertFalse(uri.toString().endsWith("/"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://api.example.com", "http://10.1.2.3", "http://deadbeef", "ftp://h", "host-only",
            "https://u:pw-77@h", "https://h/api?sign=pw-77"})
    void everythingElseIsRefusedWithoutQuotingCredentials(String raw) {
        ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class,
                () -> Endpoints.secureBaseUri(config("endpoint", raw), "endpoint"));
        assertTrue(e.getMessage().contains("vendor.endpoint"), e.getMessage());
        assertFalse(e.getMessage().contains("pw-77"), e.getMessage());
    }

    @Test
    void timeoutsArePositiveAndBounded() {
        assertEquals(Duration.ofSeconds(30), Endpoints.timeout(ProviderConfig.of(VENDOR, Map.of()), "read-timeout"));
        for (String bad : List.of("0s", "11m")) {
            assertThrows(ProviderConfigurationException.class,
                    () -> Endpoints.timeout(config("read-timeout", bad), "read-timeout"));
        }
    }
}
