package org.openapproval.adapter.support;

import org.openapproval.core.domain.ApprovalException;
import org.openapproval.core.domain.ErrorContext;

/**
 * The shared store did not answer in time (a cluster partitioned or shut down, another node's token fetch
 * that never finished). Nothing was sent to the vendor; retrying later may help. Never falls back to a
 * token or a budget of this node's own, which would break the vendor's per-app limits.
 */
public class SharedStateUnavailableException extends ApprovalException {
    private static final long serialVersionUID = 1L;

    public SharedStateUnavailableException(String reason, Throwable cause) {
        super(reason, ErrorContext.none(), cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
