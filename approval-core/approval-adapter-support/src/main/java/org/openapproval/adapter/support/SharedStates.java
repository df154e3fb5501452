package org.openapproval.adapter.support;

import java.time.Clock;
import java.util.ServiceLoader;
import java.util.TreeSet;

/** Opens the {@link SharedState} a configuration names: {@code in-process}, or a kind found on the class path. */
public final class SharedStates {
    private SharedStates() {
    }

    /**
     * @throws IllegalArgumentException naming the kinds on the class path when none is {@code config.kind()}
     */
    public static SharedState open(SharedStateConfig config, Clock clock) {
        if (config.isInProcess()) {
            return new InProcessSharedState(clock);
        }
        TreeSet<String> known = new TreeSet<>();
        known.add(SharedStateConfig.IN_PROCESS);
        for (SharedStateProvider provider : ServiceLoader.load(SharedStateProvider.class,
                SharedStates.class.getClassLoader())) {
            if (provider.kind().equals(config.kind())) {
                return provider.open(config, clock);
            }
            known.add(provider.kind());
        }
        throw new IllegalArgumentException("no shared state of kind '" + config.kind() + "' on the class path; known: "
                + String.join(", ", known) + (config.kind().equals("jcache")
                ? " (add org.openapproval:approval-shared-state-jcache and a JCache provider)" : ""));
    }
}
