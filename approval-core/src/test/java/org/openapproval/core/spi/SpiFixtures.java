package org.openapproval.core.spi;

import org.openapproval.core.port.in.Capability;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.EnumSet;
import java.util.List;

/** Shared descriptors and helpers for the SPI tests. */
public final class SpiFixtures {
    public static final String SECRET = "s3cr3t-Value-42";

    /** A vendor-like descriptor: three required keys (two secret), three optional with defaults, one optional secret. */
    public static final ProviderDescriptor FXIAOKE = new ProviderDescriptor("fxiaoke", "Fxiaoke (test double)",
            List.of(ConfigKey.required("app-id", "application id"),
                    ConfigKey.requiredSecret("app-secret", "application secret"),
                    ConfigKey.requiredSecret("permanent-code", "permanent code"),
                    ConfigKey.optional("base-url", "https://open.fxiaoke.com", "API base URL"),
                    ConfigKey.optional("timeout", "10s", "HTTP timeout"),
                    ConfigKey.optional("max-retries", "3", "retries of reads"),
                    ConfigKey.optionalSecret("proxy-password", "HTTP proxy password")),
            EnumSet.of(Capability.READ_PROCESSES, Capability.APPROVE));

    private SpiFixtures() {
    }

    public static ProviderDescriptor descriptor(String id, ConfigKey... keys) {
        return new ProviderDescriptor(id, "Provider " + id, List.of(keys), EnumSet.noneOf(Capability.class));
    }

    /** Everything a log would show for this throwable: messages, causes, suppressed, stack trace. */
    public static String fullTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
