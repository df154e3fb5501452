package org.openapproval.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.observation.tck.TestObservationRegistry;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openapproval.core.bootstrap.ProviderRegistry;
import org.openapproval.core.domain.DecisionPolicy;
import org.openapproval.core.observation.MicrometerApprovalObserver;
import org.openapproval.core.port.in.ApprovalService;
import org.openapproval.core.port.in.ServiceClosedException;
import org.openapproval.core.spi.ApprovalObserver;
import org.openapproval.core.spi.ConfigKey;
import org.openapproval.core.spi.ProviderDescriptor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class ApprovalAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ApprovalAutoConfiguration.class,
                    ApprovalHealthAutoConfiguration.class));

    @Test
    void withoutAProviderNothingIsCreated() {
        runner.run(context -> assertThat(context).doesNotHaveBean(ApprovalService.class));
    }

    @Test
    void bindsTheProviderAndItsKeysFromTheEnvironment() {
        runner.withPropertyValues("approval.provider=in-memory", "approval.in-memory.comments-required=true")
                .run(context -> {
                    ApprovalService service = context.getBean(ApprovalService.class);
                    assertEquals("in-memory", service.providerId());
                    assertEquals(DecisionPolicy.commentsRequired(), service.decisionPolicy());
                });
    }

    @Test
    void relaxedBindingAcceptsSpringsAndTheLibrarysEnvironmentNames() {
        runner.withPropertyValues("approval.provider=in-memory")
                .withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                        new SystemEnvironmentPropertySource("test-systemEnvironment",
                                java.util.Map.of("APPROVAL_INMEMORY_COMMENTSREQUIRED", "true"))))
                .run(context -> assertEquals(DecisionPolicy.commentsRequired(),
                        context.getBean(ApprovalService.class).decisionPolicy()));
        runner.withPropertyValues("approval.provider=in-memory")
                .withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                        new SystemEnvironmentPropertySource("test-systemEnvironment",
                                java.util.Map.of("APPROVAL_IN_MEMORY_COMMENTS_REQUIRED", "true"))))
                .run(context -> assertEquals(DecisionPolicy.commentsRequired(),
                        context.getBean(ApprovalService.class).decisionPolicy()));
    }

    @Test
    void aMisconfiguredProviderFailsStartupNamingKeysButNoSecret() {
        runner.withPropertyValues("approval.provider=nocoly", "approval.nocoly.sign=TopSecret-Sign-9Qx")
                .run(context -> {
                    assertThat(context).hasFailed();
                    StringBuilder all = new StringBuilder();
                    for (Throwable t = context.getStartupFailure(); t != null; t = t.getCause()) {
                        all.append(t.getMessage()).append('\n');
                    }
                    assertTrue(all.toString().contains("nocoly.app-key"), all.toString());
                    assertFalse(all.toString().contains("TopSecret-Sign-9Qx"), "secret printed: " + all);
                });
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnService() {
        runner.withPropertyValues("approval.provider=in-memory").withUserConfiguration(OwnService.class)
                .run(context -> {
                    assertThat(context).hasSingleBean(ApprovalService.class);
                    assertEquals(DecisionPolicy.commentsRequired(), context.getBean(ApprovalService.class).decisionPolicy());
                });
    }

    @Test
    void theServiceIsClosedWithTheContext() {
        Set<ApprovalService> seen = new HashSet<>();
        runner.withPropertyValues("approval.provider=in-memory")
                .run(context -> seen.add(context.getBean(ApprovalService.class)));
        ApprovalService service = seen.iterator().next();
        assertTrue(service.isClosed());
        assertThrows(ServiceClosedException.class, service::definitions);
    }

    @Test
    void healthIsUpCachedAndWithoutConfiguration() {
        runner.withPropertyValues("approval.provider=in-memory", "approval.in-memory.comments-required=true")
                .run(context -> {
                    HealthIndicator health = context.getBean("approvalHealthIndicator", HealthIndicator.class);
                    assertEquals(Status.UP, health.health().getStatus());
                    assertEquals("in-memory", health.health().getDetails().get("provider"));
                    assertFalse(health.health().getDetails().toString().contains("comments-required"));
                    assertTrue(health.health() == health.health(), "cached between checks");
                });
    }

    @Test
    void noHealthIndicatorWithoutActuatorHealth() {
        runner.withPropertyValues("approval.provider=in-memory")
                .withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(context -> {
                    assertThat(context).hasSingleBean(ApprovalService.class);
                    assertThat(context).doesNotHaveBean(ApprovalHealthIndicator.class);
                });
    }

    @Test
    void reportsToMicrometerWhenAnObservationRegistryExists() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        runner.withPropertyValues("approval.provider=in-memory")
                .withBean(TestObservationRegistry.class, () -> registry)
                .run(context -> {
                    assertThat(context.getBean(ApprovalObserver.class)).isInstanceOf(MicrometerApprovalObserver.class);
                    context.getBean(ApprovalService.class).definitions();
                    assertThat(registry).hasObservationWithNameEqualTo(MicrometerApprovalObserver.SERVICE_OBSERVATION)
                            .that().hasLowCardinalityKeyValue(MicrometerApprovalObserver.OPERATION, "definitions");
                });
    }

    @Test
    void withoutMicrometerNothingIsObserved() {
        runner.withPropertyValues("approval.provider=in-memory")
                .withClassLoader(new FilteredClassLoader("io.micrometer"))
                .run(context -> {
                    assertThat(context).hasSingleBean(ApprovalService.class);
                    assertThat(context).doesNotHaveBean(ApprovalObserver.class);
                });
    }

    /** IDEs complete what the metadata lists: every key of every provider on the class path is there. */
    @Test
    void configurationMetadataListsEveryProviderKey() throws Exception {
        String metadata;
        try (var in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(metadata.contains("\"approval.provider\""), "approval.provider");
        assertTrue(metadata.contains("\"approval.health.cache-ttl\""), "approval.health.cache-ttl");
        for (ProviderDescriptor d : ProviderRegistry.load().descriptors()) {
            for (ConfigKey k : d.configKeys()) {
                assertTrue(metadata.contains("\"approval." + k.fullName(d.id()) + "\""), "approval." + k.fullName(d.id()));
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnService {
        /** Distinguishable from the auto-configured one: it requires comments. */
        @Bean
        ApprovalService ownApprovalService() {
            return org.openapproval.core.Approvals.connect("in-memory",
                    org.openapproval.core.spi.ConfigSources.explicitOnly(java.util.Map.of("comments-required", "true")));
        }
    }
}
