package org.openapproval.core.port.out;

import org.openapproval.core.domain.ValidatedDecision;

/**
 * Sends a decision the domain has validated. Must not retry: if the outcome is uncertain, throw
 * (typically {@code VendorUnavailableException} or {@code VendorProtocolException}) and the application
 * reconciles by reading the process back.
 */
public interface DecisionWriter {
    /** @param decision a decision the domain validated against the process */
    void submit(ValidatedDecision decision);
}
