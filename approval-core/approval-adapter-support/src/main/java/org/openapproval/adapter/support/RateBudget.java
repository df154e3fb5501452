package org.openapproval.adapter.support;

import java.time.Duration;

/**
 * The calls one app or tenant may still make, shared by every service (and, with a distributed store, every
 * node) calling the vendor with the same credentials: vendors count per app, not per JVM.
 */
public interface RateBudget {
    /**
     * Takes one call's permit before the call is sent, waiting up to the limit's {@code maxWait} for it or
     * for a vendor's hold-off to end.
     *
     * @throws org.openapproval.core.domain.RateLimitedException when no permit comes within {@code maxWait};
     *         nothing was sent, and {@code retryAfter()} says how long the budget expects to be empty
     */
    void acquire();

    /**
     * The vendor asked to wait (a Retry-After, or a throttling code with a known window): nobody sharing this
     * budget calls before {@code wait} has passed. A shorter hold-off never cuts a longer one short.
     */
    void holdOff(Duration wait);
}
