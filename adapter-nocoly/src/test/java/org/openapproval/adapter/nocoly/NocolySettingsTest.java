package org.openapproval.adapter.nocoly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openapproval.core.spi.ProviderConfig;
import org.openapproval.core.spi.ProviderConfigurationException;

class NocolySettingsTest {
    private final NocolyApprovalProvider provider = new NocolyApprovalProvider();

    private Map<String, String> appOnly() {
        Map<String, String> m = new HashMap<>();
        m.put("app-key", "AK1");
        m.put("sign", "SIGN-VALUE-1");
        return m;
    }

    private NocolySettings settings(Map<String, String> values) {
        return NocolySettings.from(ProviderConfig.of(provider.descriptor(), values));
    }

    @Test
    void defaultsToMingdaosSaasWithoutOrganizationKey() {
        NocolySettings s = settings(appOnly());
        assertEquals(URI.create("https://api.mingdao.com"), s.endpoint());
        assertTrue(s.organization().isEmpty());
    }

    @Test
    void theOrganizationEndpointDefaultsToTheEndpoint() {
        Map<String, String> m = appOnly();
        m.put("endpoint", "https://www.nocoly.com/api");
        m.put("org-app-key", "OK1");
        m.put("org-secret-key", "ORG-SECRET-1");
        assertEquals(URI.create("https://www.nocoly.com/api"), settings(m).organization().orElseThrow().endpoint());
    }

    @Test
    void halfAnOrganizationKeyIsAConfigurationError() {
        Map<String, String> m = appOnly();
        m.put("org-app-key", "OK1");
        ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class, () -> settings(m));
        assertTrue(e.getMessage().contains("org-secret-key"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://api.mingdao.com", "ftp://x", "https://h/api?x=1", "nonsense"})
    void insecureOrMalformedEndpointsAreRefused(String endpoint) {
        Map<String, String> m = appOnly();
        m.put("endpoint", endpoint);
        assertThrows(ProviderConfigurationException.class, () -> settings(m));
    }

    @Test
    void missingKeysAreNamedAndSecretsNeverShown() {
        ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class,
                () -> settings(Map.of()));
        assertTrue(e.getMessage().contains("nocoly.app-key") && e.getMessage().contains("nocoly.sign"), e.getMessage());
        Map<String, String> m = appOnly();
        m.put("org-app-key", "OK1");
        m.put("org-secret-key", "ORG-SECRET-1");
        String text = settings(m).toString() + ProviderConfig.of(provider.descriptor(), m);
        assertFalse(text.contains("SIGN-VALUE-1") || text.contains("ORG-SECRET-1"), text);
    }
}
