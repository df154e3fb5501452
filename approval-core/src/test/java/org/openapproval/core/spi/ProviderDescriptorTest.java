package org.openapproval.core.spi;

import org.openapproval.core.port.in.Capability;
import org.openapproval.core.port.in.StartInput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProviderDescriptorTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "Fxiaoke", "fx_iaoke", "-fx", "fx-", "fx--iaoke", "1fx", "fx.iaoke", " fx", "in memory"})
    void rejectsBadIds(String id) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ProviderDescriptor(id, "d", List.of(), Set.of()));
        assertTrue(e.getMessage().contains("'" + id + "'"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"fxiaoke", "in-memory", "nocoly", "a1-b2"})
    void acceptsGoodIds(String id) {
        assertEquals(id, new ProviderDescriptor(id, "d", List.of(), Set.of()).id());
    }

    @Test
    void rejectsDuplicateKeyNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ProviderDescriptor("fxiaoke", "d",
                        List.of(ConfigKey.required("app-id", "one"), ConfigKey.optional("app-id", "x", "two")),
                        Set.of()));
        assertTrue(e.getMessage().contains("'app-id'"), e.getMessage());
        assertTrue(e.getMessage().contains("fxiaoke"), e.getMessage());
    }

    @Test
    void rejectsNulls() {
        assertThrows(NullPointerException.class, () -> new ProviderDescriptor(null, "d", List.of(), Set.of()));
        assertThrows(NullPointerException.class, () -> new ProviderDescriptor("a", null, List.of(), Set.of()));
        assertThrows(NullPointerException.class, () -> new ProviderDescriptor("a", "d", null, Set.of()));
    }

    @Test
    void copiesKeysAndCapabilitiesDefensively() {
        List<ConfigKey> keys = new ArrayList<>(List.of(ConfigKey.required("app-id", "d")));
        EnumSet<Capability> caps = EnumSet.of(Capability.APPROVE);
        ProviderDescriptor d = new ProviderDescriptor("fxiaoke", "d", keys, caps);
        keys.add(ConfigKey.required("other", "d"));
        caps.add(Capability.START);

        assertEquals(1, d.configKeys().size());
        assertEquals(Set.of(Capability.APPROVE), d.capabilities());
        assertThrows(UnsupportedOperationException.class, () -> d.configKeys().add(ConfigKey.required("x", "d")));
        assertThrows(UnsupportedOperationException.class, () -> d.capabilities().add(Capability.CANCEL));
    }

    @Test
    void emptyCapabilitiesAreAllowed() {
        assertEquals(Set.of(), new ProviderDescriptor("a", "d", List.of(), Set.of()).capabilities());
    }

    @Test
    void configKeyLooksUpByShortName() {
        assertEquals("app-secret", SpiFixtures.FXIAOKE.configKey("app-secret").orElseThrow().name());
        assertEquals(Optional.empty(), SpiFixtures.FXIAOKE.configKey("fxiaoke.app-secret"));
        assertEquals(Optional.empty(), SpiFixtures.FXIAOKE.configKey("nope"));
    }

    @Test
    void saysWhyACapabilityMayBeMissingWithoutCreatingTheProvider() {
        ProviderDescriptor d = new ProviderDescriptor("vendor", "d", List.of(),
                EnumSet.of(Capability.READ_PROCESSES, Capability.APPROVE))
                .withUnsupported(Capability.APPROVE, "needs vendor.org-key")
                .withUnsupported(Capability.START, "the vendor has no start API");

        assertEquals(Optional.of("needs vendor.org-key"), d.unsupportedReason(Capability.APPROVE), "conditional");
        assertEquals(Optional.of("the vendor has no start API"), d.unsupportedReason(Capability.START), "declared");
        assertEquals(Optional.of(ProviderDescriptor.NOT_OFFERED), d.unsupportedReason(Capability.CANCEL),
                "never offered, no reason given");
        assertEquals(Optional.empty(), d.unsupportedReason(Capability.READ_PROCESSES), "offered unconditionally");
        assertEquals(Set.of(Capability.APPROVE, Capability.START), d.unsupportedReasons().keySet());
    }

    @Test
    void reasonsSurviveTheOtherWithersAndAreCopiedDefensively() {
        Map<Capability, String> reasons = new EnumMap<>(Capability.class);
        reasons.put(Capability.RETURN, "no return API");
        ProviderDescriptor d = new ProviderDescriptor("vendor", "d", List.of(), EnumSet.of(Capability.START),
                EnumSet.of(StartInput.INPUTS), reasons).withStartInputs(EnumSet.of(StartInput.RECORD));
        reasons.put(Capability.CANCEL, "later");

        assertEquals(Map.of(Capability.RETURN, "no return API"), d.unsupportedReasons());
        assertEquals(Set.of(StartInput.RECORD), d.startInputs());
        assertThrows(UnsupportedOperationException.class, () -> d.unsupportedReasons().put(Capability.CANCEL, "x"));
        assertEquals(Map.of(), new ProviderDescriptor("a", "d", List.of(), Set.of()).unsupportedReasons(),
                "the older constructors give no reasons");
    }

    @Test
    void rejectsBlankOrNullReasons() {
        ProviderDescriptor d = new ProviderDescriptor("vendor", "d", List.of(), Set.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> d.withUnsupported(Capability.START, " "));
        assertTrue(e.getMessage().contains("START"), e.getMessage());
        assertThrows(NullPointerException.class, () -> d.withUnsupported(Capability.START, null));
        assertThrows(NullPointerException.class, () -> d.withUnsupported(null, "why"));
    }
}
