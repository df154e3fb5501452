package org.openapproval.core.port.in;

import org.openapproval.core.domain.ApprovalException;
import org.openapproval.core.domain.ErrorContext;

/** The provider cannot do this (at all, or not with the configuration it was given); the message says why. */
public class UnsupportedCapabilityException extends ApprovalException {
    private static final long serialVersionUID = 1L;
    private final Capability capability;

    public UnsupportedCapabilityException(String providerId, Capability capability, String why) {
        super("provider " + providerId + " does not support " + capability + ": " + why,
                ErrorContext.provider(providerId), null);
        this.capability = capability;
    }

    public Capability capability() {
        return capability;
    }
}
