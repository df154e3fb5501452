package org.openapproval.adapter.support;

import java.time.Instant;
import java.util.Objects;

/**
 * A vendor's answer that a tenant's call quota is used up, kept until it resets so that no node calls again
 * before then.
 *
 * @param vendorCode    the vendor's code, e.g. Fxiaoke's {@code 30002}
 * @param vendorMessage the vendor's message, as it was
 * @param resetsAt      when the vendor restores the quota
 */
public record QuotaExhaustion(String vendorCode, String vendorMessage, Instant resetsAt) {
    public QuotaExhaustion {
        Objects.requireNonNull(vendorCode, "vendorCode");
        Objects.requireNonNull(vendorMessage, "vendorMessage");
        Objects.requireNonNull(resetsAt, "resetsAt");
    }
}
