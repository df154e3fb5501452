package org.openapproval.spring.boot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.openapproval.core.domain.ApprovalException;
import org.openapproval.core.port.in.ApprovalService;
import org.openapproval.core.port.in.Capability;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health of the approval provider. Cheap: at most one vendor call per cache period (listing definitions
 * where the provider can, otherwise no vendor call at all), and the last result is reused in between.
 * Details name the provider, the probe and, on failure, the exception type, the vendor's code and trace id:
 * never configuration values, so never a secret.
 */
public class ApprovalHealthIndicator implements HealthIndicator {
    private final ApprovalService service;
    private final Duration cacheTtl;
    private final Clock clock;
    private Health cached;
    private Instant cachedAt;

    /**
     * @param service the service to check
     * @param cacheTtl how long a result is reused
     * @param clock the time source of the cache
     */
    public ApprovalHealthIndicator(ApprovalService service, Duration cacheTtl, Clock clock) {
        this.service = Objects.requireNonNull(service, "service");
        this.cacheTtl = Objects.requireNonNull(cacheTtl, "cacheTtl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized Health health() {
        Instant now = clock.instant();
        if (cached == null || !now.isBefore(cachedAt.plus(cacheTtl))) {
            cached = check();
            cachedAt = now;
        }
        return cached;
    }

    private Health check() {
        if (service.isClosed()) {
            return Health.down().withDetail("provider", service.providerId()).withDetail("reason", "closed").build();
        }
        Health.Builder health = Health.up().withDetail("provider", service.providerId());
        try {
            if (service.capabilities().contains(Capability.LIST_DEFINITIONS)) {
                service.definitions();
                return health.withDetail("probe", "definitions").build();
            }
            return health.withDetail("probe", "none (the provider cannot list definitions)").build();
        } catch (ApprovalException e) {
            Health.Builder down = Health.down().withDetail("provider", service.providerId())
                    .withDetail("error", e.getClass().getSimpleName()).withDetail("reason", e.reason());
            e.vendorCode().ifPresent(code -> down.withDetail("vendorCode", code));
            e.traceId().ifPresent(id -> down.withDetail("traceId", id));
            return down.build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("provider", service.providerId())
                    .withDetail("error", e.getClass().getSimpleName()).build();
        }
    }
}
