package org.openapproval.adapter.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SharedStatesTest {
    private final Clock clock = Clock.systemUTC();

    private static SharedStateConfig kind(String kind) {
        return new SharedStateConfig(kind, "openapproval.", Optional.empty(), Optional.empty(), Duration.ofSeconds(10));
    }

    @Test
    void inProcessIsBuiltIn() {
        assertInstanceOf(InProcessSharedState.class, SharedStates.open(kind("in-process"), clock));
    }

    @Test
    void anUnknownKindFailsNamingTheKindsOnTheClassPath() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SharedStates.open(kind("redis"), clock));
        // this module's class path has no SharedStateProvider: in-process is all there is
        assertEquals("no shared state of kind 'redis' on the class path; known: in-process", e.getMessage());
    }

    @Test
    void jcacheWithoutItsModuleSaysWhichArtifactToAdd() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SharedStates.open(kind("jcache"), clock));
        assertEquals("no shared state of kind 'jcache' on the class path; known: in-process (add "
                + "org.openapproval:approval-shared-state-jcache and a JCache provider)", e.getMessage());
    }

    @Test
    void aGivenStateIsUsedWhateverTheConfigurationSays() {
        InProcessSharedState given = new InProcessSharedState(clock);
        SharedStateChoice choice = SharedStateChoice.given(given);
        assertSame(given, choice.forConfig(kind("in-process")));
        assertSame(given, choice.forConfig(kind("redis")), "not even opened: the caller chose");
    }

    @Test
    void aConfiguredChoiceUsesTheProvidersOwnStateInProcessAndFailsOnAnUnknownKind() {
        InProcessSharedState own = new InProcessSharedState(clock);
        SharedStateChoice choice = SharedStateChoice.configured(own, clock);
        assertSame(own, choice.forConfig(kind("in-process")));
        assertSame(own, choice.forConfig(new SharedStateConfig("in-process", "other.", Optional.empty(),
                Optional.empty(), Duration.ofSeconds(1))), "one in-process state per provider object");
        assertThrows(IllegalArgumentException.class, () -> choice.forConfig(kind("redis")));
        assertNotSame(own, SharedStates.open(kind("in-process"), clock), "open makes a new one each time");
    }

    @Test
    void aConfigurationNeedsAPositiveWait() {
        assertThrows(IllegalArgumentException.class, () -> new SharedStateConfig("jcache", "p.", Optional.empty(),
                Optional.empty(), Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new SharedStateConfig("jcache", "p.", Optional.empty(),
                Optional.empty(), Duration.ofSeconds(-1)));
        assertEquals(false, kind("jcache").isInProcess());
    }

    @Test
    void aRateLimitIsChecked() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimit(-1, Duration.ofSeconds(1), Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new RateLimit(1, Duration.ZERO, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new RateLimit(1, Duration.ofSeconds(1),
                Duration.ofSeconds(-1)));
        assertEquals(true, RateLimit.unlimited(Duration.ZERO).isUnlimited());
        assertEquals(new RateLimit(5, Duration.ofSeconds(1), Duration.ZERO), RateLimit.perSecond(5, Duration.ZERO));
    }
}
