package org.openapproval.tck.example;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openapproval.core.domain.ErrorContext;
import org.openapproval.core.domain.Verdict;
import org.openapproval.core.port.in.Capability;
import org.openapproval.core.spi.ApprovalProvider;
import org.openapproval.core.spi.ConfigKey;
import org.openapproval.core.spi.ProviderConfig;
import org.openapproval.core.spi.ProviderConfigurationException;
import org.openapproval.core.spi.ProviderDescriptor;
import org.openapproval.core.spi.ProviderPorts;

/**
 * Provider {@code example}: reads requests, lists open votes, approves and rejects, on an {@link ExampleVendor}.
 * Registered in {@code META-INF/services/org.openapproval.core.spi.ApprovalProvider} like any plugin.
 */
public final class ExampleProvider implements ApprovalProvider {
    static final String ID = "example";
    static final String TENANT = "tenant";
    static final String API_KEY = "api-key";

    private static final ProviderDescriptor DESCRIPTOR = new ProviderDescriptor(ID,
            "Example vendor (in-process fake, for plugin authors)",
            List.of(ConfigKey.required(TENANT, "the tenant at the vendor whose approvals to work on"),
                    ConfigKey.requiredSecret(API_KEY, "the tenant's API key; never printed")),
            // Everything some configuration can offer; create() then says what this one does.
            EnumSet.of(Capability.READ_PROCESSES, Capability.PENDING_TASKS, Capability.APPROVE, Capability.REJECT));

    private final Optional<ExampleVendor> vendor;

    /** For ServiceLoader, which only reads the descriptor: cheap, no I/O. */
    public ExampleProvider() {
        this.vendor = Optional.empty();
    }

    /** Bound to one in-process vendor; what {@link ExampleSandbox#provider()} hands out. */
    ExampleProvider(ExampleVendor vendor) {
        this.vendor = Optional.of(Objects.requireNonNull(vendor, "vendor"));
    }

    @Override
    public ProviderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ProviderPorts create(ProviderConfig config) {
        config.validate(); // names every missing required key at once
        // A real plugin would build its HTTP client from an endpoint key here; this vendor has no address.
        ExampleVendor target = vendor.orElseThrow(() -> new ProviderConfigurationException("provider " + ID
                + " talks to an in-process vendor only; connect the provider ExampleSandbox#provider() returns",
                ErrorContext.provider(ID), null));
        ExampleClient client = new ExampleClient(target, config.require(TENANT), config.require(API_KEY));
        ExamplePorts ports = new ExamplePorts(client);
        // Capabilities follow from the ports given; each missing one says why, for users and the TCK.
        return ProviderPorts.builder(ID)
                .processReader(ports)
                .taskInbox(ports)
                .decisionWriter(ports, EnumSet.of(Verdict.APPROVE, Verdict.REJECT))
                .unsupported(Capability.RETURN, "the vendor cannot send a request back to an earlier stage")
                .unsupported(Capability.CANCEL, "the vendor's API cannot withdraw a request")
                .unsupported(Capability.START, "requests are submitted in the vendor's own UI, not through its API")
                .unsupported(Capability.LIST_DEFINITIONS, "the vendor's API does not list its flows")
                .unsupported(Capability.QUERY_PROCESSES, "the vendor's API has no search; read requests by document")
                .build();
    }
}
