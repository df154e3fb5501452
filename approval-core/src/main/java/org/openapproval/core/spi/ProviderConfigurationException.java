package org.openapproval.core.spi;

import org.openapproval.core.domain.ApprovalException;
import org.openapproval.core.domain.ErrorContext;

/** A provider cannot be found or configured: unknown id, missing or malformed keys, broken plugin. */
public class ProviderConfigurationException extends ApprovalException {
    private static final long serialVersionUID = 1L;

    public ProviderConfigurationException(String reason, ErrorContext context, Throwable cause) {
        super(reason, context, cause);
    }

    public ProviderConfigurationException(String reason) {
        this(reason, ErrorContext.none(), null);
    }
}
