package org.openapproval.core.port.in;

import org.openapproval.core.domain.ApprovalException;
import org.openapproval.core.domain.ErrorContext;

/** The provider cannot do this (at all, or not with the configuration it was given); the message says why. */
public class UnsupportedCapabilityException extends ApprovalException {
    private static final long serialVersionUID = 1L;
    /** The capability the provider lacks. */
    private final Capability capability;

    /**
     * @param providerId the provider
     * @param capability what it lacks
     * @param why the reason, e.g. the configuration keys that would enable it
     */
    public UnsupportedCapabilityException(String providerId, Capability capability, String why) {
        super("provider " + providerId + " does not support " + capability + ": " + why,
                ErrorContext.provider(providerId), null);
        this.capability = capability;
    }

    /** @return the capability the provider lacks */
    public Capability capability() {
        return capability;
    }
}
