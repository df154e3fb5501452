package org.openapproval.spring.boot;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The starter's own settings under {@code approval.*}. The provider's keys ({@code approval.<provider>.<key>},
 * e.g. {@code approval.nocoly.app-key}) are read from the Spring {@code Environment} against the keys the
 * provider declares, not bound here.
 */
@ConfigurationProperties(prefix = "approval")
public class ApprovalProperties {
    /** Id of the provider to connect, e.g. nocoly, fxiaoke or in-memory. */
    private String provider;

    /** Health check settings. */
    private final Health health = new Health();

    /** @return the provider id, or null when none is configured (then no service is created) */
    public String getProvider() {
        return provider;
    }

    /** @param provider the provider id */
    public void setProvider(String provider) {
        this.provider = provider;
    }

    /** @return the health check settings */
    public Health getHealth() {
        return health;
    }

    /** Settings of the {@code approval} health indicator. */
    public static class Health {
        /** How long a health result is reused before the vendor is asked again. */
        private Duration cacheTtl = Duration.ofSeconds(30);

        /** @return how long a result is reused */
        public Duration getCacheTtl() {
            return cacheTtl;
        }

        /** @param cacheTtl how long a result is reused */
        public void setCacheTtl(Duration cacheTtl) {
            this.cacheTtl = cacheTtl;
        }
    }
}
