package org.openapproval.core.spi;

import org.openapproval.core.domain.ApprovalException;
import org.openapproval.core.domain.ErrorContext;

/** A provider cannot be found or configured: unknown id, missing or malformed keys, broken plugin. */
public class ProviderConfigurationException extends ApprovalException {
    private static final long serialVersionUID = 1L;

    /**
     * @param reason what is wrong, naming keys but never a secret value
     * @param context the provider and vendor details known
     * @param cause the underlying failure, or null
     */
    public ProviderConfigurationException(String reason, ErrorContext context, Throwable cause) {
        super(reason, context, cause);
    }

    /** @param reason what is wrong */
    public ProviderConfigurationException(String reason) {
        this(reason, ErrorContext.none(), null);
    }
}
