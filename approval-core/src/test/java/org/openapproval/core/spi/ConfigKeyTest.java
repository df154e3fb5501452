package org.openapproval.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigKeyTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "App-id", "app_id", "-app", "app-", "app--id", "1app", "app.id", " app", "app id",
            "APP"})
    void rejectsNamesThatAreNotLowerCaseWordsJoinedByHyphens(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigKey.required(name, "d"));
        assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "app-id", "app-secret", "oauth2-token", "x1-y2-z3"})
    void acceptsWellFormedNames(String name) {
        assertEquals(name, ConfigKey.optional(name, "v", "d").name());
    }

    @Test
    void rejectsNullName() {
        assertThrows(NullPointerException.class, () -> ConfigKey.required(null, "d"));
    }

    @Test
    void requiredKeyCannotHaveADefault() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ConfigKey("app-id", true, false, Optional.of("x"), "d"));
        assertTrue(e.getMessage().contains("required"), e.getMessage());
    }

    @Test
    void secretKeyCannotHaveADefault() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ConfigKey("app-secret", false, true, Optional.of("hunter2"), "d"));
        assertTrue(e.getMessage().contains("secret"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), "the would-be default must not be echoed");
    }

    @Test
    void factoriesSetTheFlags() {
        ConfigKey required = ConfigKey.required("a", "d");
        assertTrue(required.required());
        assertFalse(required.secret());
        assertEquals(Optional.empty(), required.defaultValue());

        ConfigKey requiredSecret = ConfigKey.requiredSecret("b", "d");
        assertTrue(requiredSecret.required());
        assertTrue(requiredSecret.secret());

        ConfigKey optional = ConfigKey.optional("c", "v", "d");
        assertFalse(optional.required());
        assertFalse(optional.secret());
        assertEquals(Optional.of("v"), optional.defaultValue());

        ConfigKey optionalSecret = ConfigKey.optionalSecret("e", "d");
        assertFalse(optionalSecret.required());
        assertTrue(optionalSecret.secret());
        assertEquals(Optional.empty(), optionalSecret.defaultValue());
    }

    @Test
    void optionalWithNullDefaultHasNoDefault() {
        assertEquals(Optional.empty(), ConfigKey.optional("c", null, "d").defaultValue());
    }

    @Test
    void nullDescriptionOrDefaultRejected() {
        assertThrows(NullPointerException.class, () -> ConfigKey.required("a", null));
        assertThrows(NullPointerException.class, () -> new ConfigKey("a", false, false, null, "d"));
    }

    @ParameterizedTest
    @CsvSource({
            "fxiaoke,   app-secret,    fxiaoke.app-secret,     APPROVAL_FXIAOKE_APP_SECRET",
            "fxiaoke,   app-id,        fxiaoke.app-id,         APPROVAL_FXIAOKE_APP_ID",
            "in-memory, store,         in-memory.store,        APPROVAL_IN_MEMORY_STORE",
            "in-memory, comments-required, in-memory.comments-required, APPROVAL_IN_MEMORY_COMMENTS_REQUIRED",
            "nocoly,    oauth2-token,  nocoly.oauth2-token,    APPROVAL_NOCOLY_OAUTH2_TOKEN"
    })
    void fullAndEnvironmentNames(String providerId, String key, String full, String env) {
        ConfigKey k = ConfigKey.optional(key, null, "d");
        assertEquals(full, k.fullName(providerId));
        assertEquals(env, k.environmentName(providerId));
    }
}
