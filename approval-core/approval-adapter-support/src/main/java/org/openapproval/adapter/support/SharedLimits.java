package org.openapproval.adapter.support;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.openapproval.core.domain.ApprovalException;
import org.openapproval.core.domain.ErrorContext;
import org.openapproval.core.domain.QuotaExhaustedException;
import org.openapproval.core.domain.RateLimitedException;

/**
 * One service's view of its tenant's shared limits: checks them before a call is sent and records what the
 * vendor's answers say about them, so every node sharing the state learns it at once.
 */
public final class SharedLimits {
    private final RateBudget budget;
    private final QuotaState quota;
    private final LimitSignals signals;
    private final Clock clock;
    private final ErrorContext context;

    /** @param context the provider's failure context, which local refusals carry */
    public SharedLimits(RateBudget budget, QuotaState quota, LimitSignals signals, Clock clock, ErrorContext context) {
        this.budget = Objects.requireNonNull(budget, "budget");
        this.quota = Objects.requireNonNull(quota, "quota");
        this.signals = Objects.requireNonNull(signals, "signals");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.context = Objects.requireNonNull(context, "context");
    }

    /**
     * Before a call: refuses it locally, with the vendor's own code, while the quota is known to be used up;
     * else takes a permit from the budget.
     */
    public void beforeCall() {
        Optional<QuotaExhaustion> exhausted = quota.current();
        if (exhausted.isPresent()) {
            QuotaExhaustion e = exhausted.get();
            throw new QuotaExhaustedException("Not sent: the vendor said the call quota is used up until "
                    + e.resetsAt(), context.withVendorCode(e.vendorCode()).withVendorMessage(e.vendorMessage()),
                    null);
        }
        try {
            budget.acquire();
        } catch (RateLimitedException e) {
            throw new RateLimitedException(e.reason(), context, e.retryAfter(), null); // name the provider
        }
    }

    /** After a failed call: shares what the vendor said about its limits, if anything. */
    public void observe(Throwable failure) {
        ApprovalException approval = failure instanceof ApprovalException a ? a
                : failure != null && failure.getCause() instanceof ApprovalException a ? a : null;
        if (approval == null) {
            return;
        }
        signals.holdOffAfter(approval).ifPresent(budget::holdOff);
        signals.quotaResetsAt(approval, clock.instant()).ifPresent(resetsAt -> quota.exhausted(new QuotaExhaustion(
                approval.vendorCode().orElse(""), approval.context().vendorMessage().orElse(""), resetsAt)));
    }
}
