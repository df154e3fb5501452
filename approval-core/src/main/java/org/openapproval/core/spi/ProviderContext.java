package org.openapproval.core.spi;

import java.util.Objects;

/**
 * What the host hands a provider besides its configuration: for now, the observer to report vendor HTTP
 * exchanges, token fetches, read retries and rate-limit waits to.
 *
 * @param observer where to report; {@link ApprovalObserver#NONE} when the application observes nothing
 */
public record ProviderContext(ApprovalObserver observer) {
    /**
     * Checks the components.
     *
     * @param observer where to report
     */
    public ProviderContext {
        Objects.requireNonNull(observer, "observer");
    }

    /** @return a context that observes nothing */
    public static ProviderContext defaults() {
        return new ProviderContext(ApprovalObserver.NONE);
    }
}
