package org.openapproval.adapter.support;

import java.util.Optional;

/**
 * Whether a tenant's quota is known to be used up, shared like its {@link RateBudget}: once one node learns
 * that today's quota is gone, the others refuse locally, with the vendor's code, until it resets.
 */
public interface QuotaState {
    /** The exhaustion in force now, or empty when calls may be made. */
    Optional<QuotaExhaustion> current();

    /** Records the vendor's answer; a later reset time wins over an earlier one. */
    void exhausted(QuotaExhaustion exhaustion);
}
