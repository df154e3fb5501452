package org.openapproval.spring.boot;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import org.openapproval.core.Approvals;
import org.openapproval.core.bootstrap.ProviderRegistry;
import org.openapproval.core.observation.MicrometerApprovalObserver;
import org.openapproval.core.port.in.ApprovalService;
import org.openapproval.core.spi.ApprovalObserver;
import org.openapproval.core.spi.ApprovalProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Creates one {@link ApprovalService} for {@code approval.provider}, configured from
 * {@code approval.<provider>.<key>} properties, and closes it when the context closes. Backs off when the
 * application defines its own {@code ApprovalService}. Adds the {@code approval} health indicator when
 * actuator's health support is present, and reports to Micrometer when an {@code ObservationRegistry} exists.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnProperty(prefix = "approval", name = "provider")
@EnableConfigurationProperties(ApprovalProperties.class)
public class ApprovalAutoConfiguration {

    /** Used by Spring. */
    public ApprovalAutoConfiguration() {
    }

    /**
     * The service; Spring calls {@link ApprovalService#close()} on shutdown, which releases the provider's
     * HTTP clients.
     *
     * @param properties the starter's settings
     * @param environment where the provider's keys are read
     * @param observer where calls are reported, if the application has one
     * @return the service
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(ApprovalService.class)
    public ApprovalService approvalService(ApprovalProperties properties, Environment environment,
                                           ObjectProvider<ApprovalObserver> observer) {
        ApprovalProvider provider = ProviderRegistry.load().provider(properties.getProvider().trim());
        return Approvals.connect(provider, SpringEnvironmentConfig.resolve(provider.descriptor(), environment),
                Clock.systemUTC(), observer.getIfAvailable(() -> ApprovalObserver.NONE));
    }

    /** Reports to Micrometer when the application has an observation registry. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ObservationRegistry.class)
    @ConditionalOnBean(ObservationRegistry.class)
    static class MicrometerObserverConfiguration {
        @Bean
        @ConditionalOnMissingBean(ApprovalObserver.class)
        ApprovalObserver micrometerApprovalObserver(ObservationRegistry observations,
                                                    ObjectProvider<MeterRegistry> meters) {
            MeterRegistry registry = meters.getIfAvailable();
            return registry == null ? new MicrometerApprovalObserver(observations)
                    : new MicrometerApprovalObserver(observations, registry);
        }
    }
}
