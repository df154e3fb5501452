package org.openapproval.adapter.fxiaoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openapproval.core.spi.ProviderConfig;
import org.openapproval.core.spi.ProviderConfigurationException;

class FxiaokeSettingsTest {
    private final FxiaokeApprovalProvider provider = new FxiaokeApprovalProvider();

    private Map<String, String> valid() {
        Map<String, String> m = new HashMap<>();
        m.put("app-id", "FSAID_1");
        m.put("app-secret", "s3cret-value");
        m.put("permanent-code", "perm-value");
        m.put("default-user-id", "1000");
        return m;
    }

    private FxiaokeSettings settings(Map<String, String> values) {
        return FxiaokeSettings.from(ProviderConfig.of(provider.descriptor(), values));
    }

    @Test
    void defaultsAreTheVendorsMainCloudAndClientCredentials() {
        FxiaokeSettings s = settings(valid());
        assertEquals(URI.create("https://open.fxiaoke.com"), s.endpoint());
        assertEquals(FxiaokeSettings.AuthMode.CLIENT_CREDENTIALS, s.authMode());
        assertEquals(Duration.ofSeconds(5), s.connectTimeout());
        assertEquals(Duration.ofSeconds(30), s.readTimeout());
        assertEquals(4, s.retryMaxAttempts());
    }

    @Test
    void everyMissingRequiredKeyIsNamedAtOnce() {
        ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class,
                () -> settings(Map.of()));
        for (String key : new String[] {"fxiaoke.app-id", "fxiaoke.app-secret", "fxiaoke.permanent-code",
                "fxiaoke.default-user-id"}) {
            assertTrue(e.getMessage().contains(key), e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://open-hwcloud.fxiaoke.com", "https://open-na.sharecrm.com/", "http://127.0.0.1:8080",
            "http://localhost:9", "http://[::1]:8080"})
    void httpsAnywhereAndPlainHttpOnlyToThisMachine(String endpoint) {
        Map<String, String> m = valid();
        m.put("endpoint", endpoint);
        assertFalse(settings(m).endpoint().toString().endsWith("/"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://open.fxiaoke.com", "http://10.0.0.8", "ftp://open.fxiaoke.com",
            "https://open.fxiaoke.com?x=1", "https://user:pw@open.fxiaoke.com", "not a url", "open.fxiaoke.com",
            "http://deadbeef"})
    void anythingElseIsRefused(String endpoint) {
        Map<String, String> m = valid();
        m.put("endpoint", endpoint);
        ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class, () -> settings(m));
        assertTrue(e.getMessage().contains("fxiaoke.endpoint"), e.getMessage());
    }

    @Test
    void authModeAndRetryAttemptsAreChecked() {
        Map<String, String> m = valid();
        m.put("auth-mode", "legacy");
        assertEquals(FxiaokeSettings.AuthMode.LEGACY, settings(m).authMode());
        m.put("auth-mode", "oauth");
        assertThrows(ProviderConfigurationException.class, () -> settings(m));
        Map<String, String> r = valid();
        r.put("retry-max-attempts", "0");
        assertThrows(ProviderConfigurationException.class, () -> settings(r));
    }

    @Test
    void secretsNeverShowInSettingsOrConfigText() {
        FxiaokeSettings s = settings(valid());
        assertFalse(s.toString().contains("s3cret-value") || s.toString().contains("perm-value"), s.toString());
        String config = ProviderConfig.of(provider.descriptor(), valid()).toString();
        assertFalse(config.contains("s3cret-value") || config.contains("perm-value"), config);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0s", "0ms", "11m", "PT1000H"})
    void timeoutsMustBePositiveAndBounded(String value) {
        Map<String, String> m = valid();
        m.put("read-timeout", value);
        ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class, () -> settings(m));
        assertTrue(e.getMessage().contains("read-timeout"), e.getMessage());
    }

    @Test
    void theDefaultUserMustBeAUsableIdBecauseItTravelsInAHeader() {
        Map<String, String> m = valid();
        m.put("default-user-id", "1000\r\nx-evil: 1");
        assertThrows(ProviderConfigurationException.class, () -> settings(m));
    }

    @Test
    void aRefusedEndpointIsQuotedWithoutItsCredentials() {
        Map<String, String> m = valid();
        m.put("endpoint", "https://user:pw-secret@open.fxiaoke.com");
        ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class, () -> settings(m));
        assertFalse(e.getMessage().contains("pw-secret"), e.getMessage());
    }
}
