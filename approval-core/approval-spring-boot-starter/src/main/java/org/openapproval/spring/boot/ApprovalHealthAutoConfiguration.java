package org.openapproval.spring.boot;

import java.time.Clock;
import org.openapproval.core.port.in.ApprovalService;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code approval} health indicator, when actuator's health support is on the class path and an
 * {@link ApprovalService} exists (the starter's or the application's own). Switch it off with
 * {@code management.health.approval.enabled=false}.
 */
@AutoConfiguration(after = ApprovalAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(ApprovalService.class)
@ConditionalOnEnabledHealthIndicator("approval")
@EnableConfigurationProperties(ApprovalProperties.class)
public class ApprovalHealthAutoConfiguration {

    /** Used by Spring. */
    public ApprovalHealthAutoConfiguration() {
    }

    /**
     * @param service the service to check
     * @param properties the starter's settings (cache period)
     * @return the indicator, named {@code approval} in the health endpoint
     */
    @Bean
    @ConditionalOnMissingBean(name = "approvalHealthIndicator")
    public ApprovalHealthIndicator approvalHealthIndicator(ApprovalService service, ApprovalProperties properties) {
        return new ApprovalHealthIndicator(service, properties.getHealth().getCacheTtl(), Clock.systemUTC());
    }
}
