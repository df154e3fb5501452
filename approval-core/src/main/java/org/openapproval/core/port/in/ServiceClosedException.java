package org.openapproval.core.port.in;

import org.openapproval.core.domain.ApprovalException;
import org.openapproval.core.domain.ErrorContext;

/** The {@link ApprovalService} was closed; its provider's resources are released. Connect again to go on. */
public class ServiceClosedException extends ApprovalException {
    private static final long serialVersionUID = 1L;

    /**
     * @param providerId the closed service's provider
     */
    public ServiceClosedException(String providerId) {
        super("the approval service for provider " + providerId + " is closed; its HTTP clients and other "
                + "resources were released. Connect a new one to go on", ErrorContext.provider(providerId), null);
    }
}
