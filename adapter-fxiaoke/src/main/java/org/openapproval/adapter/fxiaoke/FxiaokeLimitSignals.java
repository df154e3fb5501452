package org.openapproval.adapter.fxiaoke;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.openapproval.adapter.support.LimitSignals;
import org.openapproval.core.domain.ApprovalException;

/**
 * Fxiaoke's limits as its answers tell them: 30002 is the daily quota, restored at 00:00 China time, so every
 * node refuses locally until then. 30003 (no quota bought) has no reset and is not remembered; 14001/30004
 * carry no Retry-After, so the read retryer's backoff handles them as before.
 */
final class FxiaokeLimitSignals implements LimitSignals {
    static final String DAILY_QUOTA_USED_UP = "30002";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Override
    public Optional<Instant> quotaResetsAt(ApprovalException failure, Instant now) {
        return failure.vendorCode().filter(DAILY_QUOTA_USED_UP::equals)
                .map(code -> nextMidnightInChina(now));
    }

    static Instant nextMidnightInChina(Instant now) {
        LocalDate today = now.atZone(CHINA).toLocalDate();
        return today.plusDays(1).atStartOfDay(CHINA).toInstant();
    }
}
