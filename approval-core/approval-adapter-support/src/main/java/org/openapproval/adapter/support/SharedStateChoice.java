package org.openapproval.adapter.support;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which {@link SharedState} a provider object's services use: the one its creator gave it, else the one each
 * service's configuration names — the provider's own in-process state, or a distributed one opened once per
 * configuration and kept as long as the provider object.
 */
public final class SharedStateChoice {
    private final Optional<SharedState> given;
    private final SharedState inProcess;
    private final Clock clock;
    private final Map<SharedStateConfig, SharedState> opened = new HashMap<>(); // guarded by this

    private SharedStateChoice(Optional<SharedState> given, SharedState inProcess, Clock clock) {
        this.given = given;
        this.inProcess = inProcess;
        this.clock = clock;
    }

    /** Always {@code shared}, whatever the configuration says. */
    public static SharedStateChoice given(SharedState shared) {
        Objects.requireNonNull(shared, "shared");
        return new SharedStateChoice(Optional.of(shared), shared, Clock.systemUTC());
    }

    /** As each configuration says; {@code in-process} is {@code own}. */
    public static SharedStateChoice configured(SharedState own, Clock clock) {
        return new SharedStateChoice(Optional.empty(), Objects.requireNonNull(own, "own"),
                Objects.requireNonNull(clock, "clock"));
    }

    public synchronized SharedState forConfig(SharedStateConfig config) {
        if (given.isPresent()) {
            return given.get();
        }
        if (config.isInProcess()) {
            return inProcess;
        }
        return opened.computeIfAbsent(config, c -> SharedStates.open(c, clock));
    }
}
