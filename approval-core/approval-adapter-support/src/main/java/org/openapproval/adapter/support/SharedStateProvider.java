package org.openapproval.adapter.support;

import java.time.Clock;

/**
 * A kind of {@link SharedState} that configuration can choose by name ({@code <provider>.shared-state}),
 * found with {@link java.util.ServiceLoader}; {@code in-process} is built in.
 */
public interface SharedStateProvider {
    /** The configuration value that chooses this kind, e.g. {@code jcache}. */
    String kind();

    SharedState open(SharedStateConfig config, Clock clock);
}
