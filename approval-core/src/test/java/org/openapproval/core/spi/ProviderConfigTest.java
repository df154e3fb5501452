package org.openapproval.core.spi;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openapproval.core.spi.SpiFixtures.FXIAOKE;
import static org.openapproval.core.spi.SpiFixtures.SECRET;
import static org.openapproval.core.spi.SpiFixtures.fullTrace;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProviderConfigTest {

    /** Values for the three required keys, so a config validates. */
    private static Map<String, String> requiredValues() {
        return Map.of("app-id", "FSAID_1", "app-secret", SECRET, "permanent-code", "perm-code-value");
    }

    private static ProviderConfig resolve(Map<String, String> file, Map<String, String> env,
                                          Map<String, String> sys, Map<String, String> explicit) {
        return ProviderConfig.resolve(FXIAOKE, new ConfigSources(file, env, sys, explicit));
    }

    @Nested
    class Layering {
        @Test
        void defaultAppliesWhenNoSourceSetsTheKey() {
            ProviderConfig c = resolve(Map.of(), Map.of(), Map.of(), Map.of());
            assertEquals(Optional.of("10s"), c.get("timeout"));
            assertEquals(Optional.of("https://open.fxiaoke.com"), c.get("base-url"));
        }

        @Test
        void propertiesFileBeatsDefault() {
            ProviderConfig c = resolve(Map.of("fxiaoke.timeout", "20s"), Map.of(), Map.of(), Map.of());
            assertEquals(Optional.of("20s"), c.get("timeout"));
        }

        @Test
        void environmentBeatsPropertiesFile() {
            ProviderConfig c = resolve(Map.of("fxiaoke.timeout", "20s"), Map.of("APPROVAL_FXIAOKE_TIMEOUT", "30s"),
                    Map.of(), Map.of());
            assertEquals(Optional.of("30s"), c.get("timeout"));
        }

        @Test
        void systemPropertiesBeatEnvironment() {
            ProviderConfig c = resolve(Map.of(), Map.of("APPROVAL_FXIAOKE_TIMEOUT", "30s"),
                    Map.of("fxiaoke.timeout", "40s"), Map.of());
            assertEquals(Optional.of("40s"), c.get("timeout"));
        }

        @Test
        void explicitBeatsSystemProperties() {
            ProviderConfig c = resolve(Map.of(), Map.of(), Map.of("fxiaoke.timeout", "40s"),
                    Map.of("timeout", "50s"));
            assertEquals(Optional.of("50s"), c.get("timeout"));
        }

        @Test
        void fullStackEachKeyTakesItsHighestLayer() {
            ProviderConfig c = resolve(
                    Map.of("fxiaoke.timeout", "file", "fxiaoke.base-url", "file", "fxiaoke.max-retries", "file",
                            "fxiaoke.app-id", "file"),
                    Map.of("APPROVAL_FXIAOKE_TIMEOUT", "env", "APPROVAL_FXIAOKE_BASE_URL", "env",
                            "APPROVAL_FXIAOKE_MAX_RETRIES", "env"),
                    Map.of("fxiaoke.timeout", "sys", "fxiaoke.base-url", "sys"),
                    Map.of("timeout", "explicit"));
            assertEquals(Optional.of("explicit"), c.get("timeout"));
            assertEquals(Optional.of("sys"), c.get("base-url"));
            assertEquals(Optional.of("env"), c.get("max-retries"));
            assertEquals(Optional.of("file"), c.get("app-id"));
            assertEquals(Optional.empty(), c.get("app-secret"), "no layer and no default");
        }

        @Test
        void fullStackForOneKey() {
            Map<String, String> file = Map.of("fxiaoke.timeout", "1s");
            Map<String, String> env = Map.of("APPROVAL_FXIAOKE_TIMEOUT", "2s");
            Map<String, String> sys = Map.of("fxiaoke.timeout", "3s");
            Map<String, String> explicit = Map.of("timeout", "4s");
            Map<String, String> none = Map.of();
            assertEquals(Optional.of("4s"), resolve(file, env, sys, explicit).get("timeout"));
            assertEquals(Optional.of("3s"), resolve(file, env, sys, none).get("timeout"));
            assertEquals(Optional.of("2s"), resolve(file, env, none, none).get("timeout"));
            assertEquals(Optional.of("1s"), resolve(file, none, none, none).get("timeout"));
            assertEquals(Optional.of("10s"), resolve(none, none, none, none).get("timeout"));
        }

        @Test
        void environmentIsReadByEnvironmentNameOnlyAndSystemPropertiesByFullNameOnly() {
            ProviderConfig c = resolve(Map.of(),
                    Map.of("fxiaoke.app-id", "env-full-name", "APPROVAL_FXIAOKE_APP_SECRET", SECRET),
                    Map.of("app-id", "sys-short-name", "APPROVAL_FXIAOKE_PERMANENT_CODE", "sys-env-name"),
                    Map.of());
            assertEquals(Optional.empty(), c.get("app-id"));
            assertEquals(Optional.of(SECRET), c.get("app-secret"));
            assertEquals(Optional.empty(), c.get("permanent-code"));
        }

        @Test
        void otherProvidersKeysInSharedSourcesAreIgnored() {
            ProviderConfig c = resolve(Map.of("nocoly.app-key", "k", "nocoly.whatever", "w"),
                    Map.of("APPROVAL_NOCOLY_APP_KEY", "k", "PATH", "/usr/bin"),
                    Map.of("nocoly.app-key", "k", "java.version", "17"), Map.of());
            assertEquals(Optional.of("10s"), c.get("timeout"));
        }

        @Test
        void valuesFromFileEnvironmentAndSystemPropertiesAreTrimmed() {
            ProviderConfig c = resolve(Map.of("fxiaoke.app-id", "  id  "),
                    Map.of("APPROVAL_FXIAOKE_MAX_RETRIES", " 5 "), Map.of("fxiaoke.timeout", "\t2m "), Map.of());
            assertEquals(Optional.of("id"), c.get("app-id"));
            assertEquals(Optional.of(5), c.getInt("max-retries"));
            assertEquals(Optional.of(Duration.ofMinutes(2)), c.getDuration("timeout"));
        }
    }

    @Nested
    class ExplicitKeys {
        @Test
        void shortAndFullFormsAreBothAccepted() {
            ProviderConfig c = ProviderConfig.of(FXIAOKE, Map.of("app-id", "short", "fxiaoke.base-url", "http://full"));
            assertEquals(Optional.of("short"), c.get("app-id"));
            assertEquals(Optional.of("http://full"), c.get("base-url"));
        }

        @Test
        void shortAndFullFormsGiveEqualConfigs() {
            assertEquals(ProviderConfig.of(FXIAOKE, Map.of("app-id", "x")),
                    ProviderConfig.of(FXIAOKE, Map.of("fxiaoke.app-id", "x")));
        }

        @Test
        void unknownKeyIsRejectedListingTheDeclaredKeys() {
            ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class,
                    () -> ProviderConfig.of(FXIAOKE, Map.of("app-secrte", "hunter2")));
            String m = e.getMessage();
            assertTrue(m.contains("app-secrte"), m);
            for (ConfigKey k : FXIAOKE.configKeys()) {
                assertTrue(m.contains(k.fullName("fxiaoke")), "should list " + k.name() + ": " + m);
            }
            assertFalse(m.contains("hunter2"), "the value of an unknown key is never shown: " + m);
            assertEquals(Optional.of("fxiaoke"), e.providerId());
        }

        @Test
        void everyUnknownKeyIsNamedInOneException() {
            Map<String, String> explicit = new LinkedHashMap<>();
            explicit.put("app-idd", "1");
            explicit.put("fxiaoke.timout", "2");
            explicit.put("app-id", "ok");
            ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class,
                    () -> ProviderConfig.of(FXIAOKE, explicit));
            assertTrue(e.getMessage().contains("app-idd"), e.getMessage());
            assertTrue(e.getMessage().contains("fxiaoke.timout"), e.getMessage());
        }

        @Test
        void anotherProvidersPrefixIsNotAccepted() {
            ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class,
                    () -> ProviderConfig.of(FXIAOKE, Map.of("nocoly.app-id", "x")));
            assertTrue(e.getMessage().contains("nocoly.app-id"), e.getMessage());
        }

        @Test
        void providerWithoutKeysSaysSo() {
            ProviderDescriptor bare = SpiFixtures.descriptor("bare");
            ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class,
                    () -> ProviderConfig.of(bare, Map.of("anything", "x")));
            assertTrue(e.getMessage().contains("(no keys)"), e.getMessage());
        }

        @Test
        void misspeltPrefixedKeyInPropertiesFileIsRejected() {
            ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class,
                    () -> resolve(Map.of("fxiaoke.app-secrte", SECRET, "fxiaoke.app-id", "ok"), Map.of(), Map.of(),
                            Map.of()));
            assertTrue(e.getMessage().contains("fxiaoke.app-secrte"), e.getMessage());
            assertTrue(e.getMessage().contains("fxiaoke.app-secret"), "lists the declared keys: " + e.getMessage());
            assertFalse(fullTrace(e).contains(SECRET));
        }

        @Test
        void getOfUndeclaredKeyIsAProgrammingError() {
            ProviderConfig c = ProviderConfig.of(FXIAOKE, Map.of());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.get("nope"));
            assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> c.get("fxiaoke.app-id"),
                    "get takes the short name");
        }
    }

    @Nested
    class Validation {
        @Test
        void completeConfigValidates() {
            ProviderConfig c = ProviderConfig.of(FXIAOKE, requiredValues());
            assertSame(c, c.validate());
        }

        @Test
        void allMissingRequiredKeysAreNamedInOneException() {
            ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class,
                    () -> ProviderConfig.of(FXIAOKE, Map.of("app-id", "FSAID_1")).validate());
            String m = e.getMessage();
            assertTrue(m.contains("fxiaoke.app-secret"), m);
            assertTrue(m.contains("APPROVAL_FXIAOKE_APP_SECRET"), m);
            assertTrue(m.contains("fxiaoke.permanent-code"), m);
            assertTrue(m.contains("APPROVAL_FXIAOKE_PERMANENT_CODE"), m);
            assertFalse(m.contains("fxiaoke.app-id"), "app-id is present: " + m);
            assertFalse(m.contains("proxy-password"), "optional keys are not required: " + m);
            assertEquals(Optional.of("fxiaoke"), e.providerId());
        }

        @Test
        void nothingGivenNamesEveryRequiredKey() {
            ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class,
                    () -> ProviderConfig.of(FXIAOKE, Map.of()).validate());
            for (String key : new String[] {"app-id", "app-secret", "permanent-code"}) {
                assertTrue(e.getMessage().contains("fxiaoke." + key), e.getMessage());
            }
        }

        @Test
        void blankValuesCountAsAbsent() {
            Map<String, String> values = new LinkedHashMap<>(requiredValues());
            values.put("app-secret", "   ");
            values.put("proxy-password", "");
            ProviderConfig c = ProviderConfig.of(FXIAOKE, values);
            assertEquals(Optional.empty(), c.get("app-secret"));
            assertEquals(Optional.empty(), c.get("proxy-password"));
            ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class, c::validate);
            assertTrue(e.getMessage().contains("fxiaoke.app-secret"), e.getMessage());
            assertFalse(e.getMessage().contains("permanent-code"), e.getMessage());
        }

        @Test
        void blankEnvironmentValueForARequiredKeyIsMissing() {
            ConfigSources s = new ConfigSources(Map.of(), Map.of("APPROVAL_FXIAOKE_APP_ID", " "), Map.of(),
                    Map.of("app-secret", SECRET, "permanent-code", "p"));
            ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class,
                    () -> ProviderConfig.resolve(FXIAOKE, s).validate());
            assertTrue(e.getMessage().contains("fxiaoke.app-id"), e.getMessage());
        }

        @Test
        void blankValueInAHigherLayerLeavesTheDefaultInPlace() {
            ProviderConfig c = resolve(Map.of(), Map.of("APPROVAL_FXIAOKE_TIMEOUT", ""), Map.of(), Map.of());
            assertEquals(Optional.of("10s"), c.get("timeout"));
        }

        @Test
        void requireOfAMissingKeyNamesItAndItsEnvironmentVariable() {
            ProviderConfig c = ProviderConfig.of(FXIAOKE, Map.of());
            ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class,
                    () -> c.require("proxy-password"));
            assertTrue(e.getMessage().contains("fxiaoke.proxy-password"), e.getMessage());
            assertTrue(e.getMessage().contains("APPROVAL_FXIAOKE_PROXY_PASSWORD"), e.getMessage());
            assertEquals("https://open.fxiaoke.com", c.require("base-url"));
        }
    }

    @Nested
    class Secrets {
        @Test
        void toStringMasksSecretsAndShowsTheRest() {
            Map<String, String> values = new LinkedHashMap<>(requiredValues());
            values.put("proxy-password", "pr0xy-pw");
            ProviderConfig c = ProviderConfig.of(FXIAOKE, values);
            String s = c.toString();
            assertFalse(s.contains(SECRET), s);
            assertFalse(s.contains("perm-code-value"), s);
            assertFalse(s.contains("pr0xy-pw"), s);
            assertTrue(s.contains("fxiaoke.app-secret=****"), s);
            assertTrue(s.contains("FSAID_1"), s);
            assertTrue(s.contains("https://open.fxiaoke.com"), s);
        }

        @Test
        void maskedUsesFullNamesAndMasksSecrets() {
            Map<String, String> m = ProviderConfig.of(FXIAOKE, requiredValues()).masked();
            assertEquals("****", m.get("fxiaoke.app-secret"));
            assertEquals("****", m.get("fxiaoke.permanent-code"));
            assertEquals("FSAID_1", m.get("fxiaoke.app-id"));
            assertEquals("10s", m.get("fxiaoke.timeout"));
            assertNull(m.get("fxiaoke.proxy-password"), "unset keys are not listed");
            assertThrows(UnsupportedOperationException.class, () -> m.put("x", "y"));
        }

        @Test
        void isSecretFollowsTheDescriptor() {
            ProviderConfig c = ProviderConfig.of(FXIAOKE, Map.of());
            assertTrue(c.isSecret("app-secret"));
            assertTrue(c.isSecret("proxy-password"));
            assertFalse(c.isSecret("app-id"));
            assertFalse(c.isSecret("undeclared"));
        }

        @Test
        void malformedSecretDurationNeverShowsTheValue() {
            ProviderDescriptor d = SpiFixtures.descriptor("vault",
                    new ConfigKey("token-ttl", false, true, Optional.empty(), "secret ttl"));
            ProviderConfig c = ProviderConfig.of(d, Map.of("token-ttl", SECRET));
            ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class,
                    () -> c.getDuration("token-ttl"));
            assertTrue(e.getMessage().contains("vault.token-ttl"), e.getMessage());
            assertTrue(e.getMessage().contains("****"), e.getMessage());
            for (Throwable t = e; t != null; t = t.getCause()) {
                assertFalse(String.valueOf(t.getMessage()).contains(SECRET), "leaked by " + t.getClass());
            }
            assertFalse(fullTrace(e).contains(SECRET), "leaked somewhere in the printed trace");
        }

        @Test
        void malformedSecretIntNeverShowsTheValue() {
            ProviderDescriptor d = SpiFixtures.descriptor("vault", ConfigKey.optionalSecret("pin", "secret pin"));
            ProviderConfig c = ProviderConfig.of(d, Map.of("pin", "12ab-" + SECRET));
            ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class,
                    () -> c.getInt("pin"));
            assertFalse(fullTrace(e).contains(SECRET), fullTrace(e));
            assertTrue(e.getMessage().contains("vault.pin"), e.getMessage());
        }

        @Test
        void malformedNonSecretValueIsQuotedAndKeepsItsCause() {
            ProviderConfig c = ProviderConfig.of(FXIAOKE, Map.of("timeout", "soon"));
            ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class,
                    () -> c.getDuration("timeout"));
            assertTrue(e.getMessage().contains("fxiaoke.timeout is 'soon'"), e.getMessage());
            assertTrue(e.getMessage().contains("500ms"), "says what is expected: " + e.getMessage());
            assertTrue(e.getCause() != null, "the parser's exception is kept for non-secrets");
        }
    }

    @Nested
    class TypedValues {
        @ParameterizedTest
        @CsvSource({
                "500ms, PT0.5S",
                "10s,   PT10S",
                "2m,    PT2M",
                "PT10S, PT10S",
                "pt10s, PT10S",
                "PT1H30M, PT1H30M",
                "P1D,   PT24H",
                "0s,    PT0S",
                "15 s,  PT15S",
                "1500MS, PT1.5S"
        })
        void durationsAreParsed(String value, String expected) {
            ProviderConfig c = ProviderConfig.of(FXIAOKE, Map.of("timeout", value));
            assertEquals(Optional.of(Duration.parse(expected)), c.getDuration("timeout"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"10", "soon", "1.5s", "ms", "2h", "10 seconds", "PTXS", "s10"})
        void malformedDurationsAreConfigurationErrors(String value) {
            ProviderConfig c = ProviderConfig.of(FXIAOKE, Map.of("timeout", value));
            ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class,
                    () -> c.getDuration("timeout"));
            assertTrue(e.getMessage().contains("fxiaoke.timeout"), e.getMessage());
        }

        @Test
        void overflowingDurationIsAConfigurationError() {
            ProviderConfig c = ProviderConfig.of(FXIAOKE, Map.of("timeout", "9223372036854775807m"));
            assertThrows(ProviderConfigurationException.class, () -> c.getDuration("timeout"));
        }

        @Test
        void durationDefaultIsUsed() {
            assertEquals(Optional.of(Duration.ofSeconds(10)),
                    ProviderConfig.of(FXIAOKE, Map.of()).getDuration("timeout"));
            assertEquals(Optional.empty(), ProviderConfig.of(FXIAOKE, Map.of()).getDuration("proxy-password"));
        }

        @Test
        void intsAreParsed() {
            assertEquals(Optional.of(3), ProviderConfig.of(FXIAOKE, Map.of()).getInt("max-retries"));
            assertEquals(Optional.of(-1), ProviderConfig.of(FXIAOKE, Map.of("max-retries", "-1")).getInt("max-retries"));
            assertEquals(Optional.of(3), ProviderConfig.of(FXIAOKE, Map.of("max-retries", " "))
                    .getInt("max-retries"), "a blank explicit value counts as absent, so the default applies");
        }

        @ParameterizedTest
        @ValueSource(strings = {"three", "3.0", "99999999999", "0x10"})
        void malformedIntsSayWhatWasExpected(String value) {
            ProviderConfig c = ProviderConfig.of(FXIAOKE, Map.of("max-retries", value));
            ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class,
                    () -> c.getInt("max-retries"));
            assertTrue(e.getMessage().contains("fxiaoke.max-retries is '" + value + "'"), e.getMessage());
            assertTrue(e.getMessage().contains("whole number"), e.getMessage());
            assertInstanceOf(NumberFormatException.class, e.getCause());
            assertEquals(Optional.of("fxiaoke"), e.providerId());
        }
    }

    @Nested
    class ValueSemantics {
        @Test
        void equalityIsByProviderIdAndValues() {
            ProviderConfig a = ProviderConfig.of(FXIAOKE, Map.of("app-id", "x"));
            ProviderConfig b = ProviderConfig.of(FXIAOKE, Map.of("app-id", "x"));
            assertEquals(a, b);
            assertEquals(a.hashCode(), b.hashCode());
            assertNotEquals(a, ProviderConfig.of(FXIAOKE, Map.of("app-id", "y")));
        }

        @Test
        void exposesDescriptorAndProviderId() {
            ProviderConfig c = ProviderConfig.of(FXIAOKE, Map.of());
            assertEquals("fxiaoke", c.providerId());
            assertSame(FXIAOKE, c.descriptor());
        }

        @Test
        void resolveRejectsNulls() {
            assertThrows(NullPointerException.class, () -> ProviderConfig.resolve(null, ConfigSources.explicitOnly(Map.of())));
            assertThrows(NullPointerException.class, () -> ProviderConfig.resolve(FXIAOKE, null));
        }
    }
}
