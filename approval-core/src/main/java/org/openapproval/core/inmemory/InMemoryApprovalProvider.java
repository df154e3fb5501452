package org.openapproval.core.inmemory;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openapproval.core.domain.DecisionPolicy;
import org.openapproval.core.domain.ErrorContext;
import org.openapproval.core.domain.Verdict;
import org.openapproval.core.spi.ApprovalProvider;
import org.openapproval.core.port.in.Capability;
import org.openapproval.core.port.in.StartInput;
import org.openapproval.core.spi.ConfigKey;
import org.openapproval.core.spi.ProviderConfig;
import org.openapproval.core.spi.ProviderConfigurationException;
import org.openapproval.core.spi.ProviderDescriptor;
import org.openapproval.core.spi.ProviderPorts;

/**
 * Provider {@code in-memory}: every capability, over an {@link InMemoryApprovalStore}. For domain-level
 * tests and demos; no HTTP, no vendor account. Registered by ServiceLoader; found that way, each
 * {@code create} gets a fresh empty store. To work on a store you seed yourself, use
 * {@link InMemoryApprovalStore#connect()}.
 */
public final class InMemoryApprovalProvider implements ApprovalProvider {
    private final Optional<InMemoryApprovalStore> store;

    /** For ServiceLoader: every {@link #create} starts a fresh, empty store with the system clock. */
    public InMemoryApprovalProvider() {
        this.store = Optional.empty();
    }

    /** A provider whose every {@link #create} works on this store (see {@link InMemoryApprovalStore#connect()}). */
    public InMemoryApprovalProvider(InMemoryApprovalStore store) {
        this.store = Optional.of(java.util.Objects.requireNonNull(store, "store"));
    }

    static final String COMMENTS_REQUIRED = "comments-required";
    static final String UNSUPPORTED = "unsupported";

    private static final ProviderDescriptor DESCRIPTOR = new ProviderDescriptor(InMemoryApprovalStore.PROVIDER_ID,
            "In-memory (for tests and demos)",
            List.of(ConfigKey.optional(COMMENTS_REQUIRED, "false",
                            "true to require a comment on every decision, as some vendors do"),
                    ConfigKey.optional(UNSUPPORTED, null,
                            "comma-separated capabilities to switch off, to act like a vendor that lacks them "
                                    + "(e.g. RETURN,CANCEL)")),
            EnumSet.allOf(Capability.class)).withStartInputs(EnumSet.allOf(StartInput.class));

    @Override
    public ProviderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ProviderPorts create(ProviderConfig config) {
        config.validate();
        InMemoryApprovalStore store = this.store.orElseGet(() -> InMemoryApprovalStore.create(Clock.systemUTC()));
        String commentsRequired = config.require(COMMENTS_REQUIRED);
        if (!commentsRequired.equals("true") && !commentsRequired.equals("false")) {
            throw new ProviderConfigurationException(DESCRIPTOR.id() + "." + COMMENTS_REQUIRED + " is '"
                    + commentsRequired + "'; expected true or false", ErrorContext.provider(DESCRIPTOR.id()), null);
        }
        Set<Capability> off = switchedOff(config.get(UNSUPPORTED).orElse(""));
        InMemoryPorts ports = new InMemoryPorts(store);
        EnumSet<Verdict> verdicts = EnumSet.allOf(Verdict.class);
        verdicts.removeIf(v -> off.contains(ProviderPorts.capabilityOf(v)));
        ProviderPorts.Builder b = ProviderPorts.builder(DESCRIPTOR.id())
                .decisionPolicy(Boolean.parseBoolean(commentsRequired)
                        ? DecisionPolicy.commentsRequired() : DecisionPolicy.commentsOptional());
        String why = "switched off by " + DESCRIPTOR.id() + "." + UNSUPPORTED;
        off.forEach(c -> b.unsupported(c, why));
        if (!off.contains(Capability.LIST_DEFINITIONS)) {
            b.definitionCatalog(ports);
        }
        if (!off.contains(Capability.READ_PROCESSES)) {
            b.processReader(ports);
        }
        if (!off.contains(Capability.QUERY_PROCESSES)) {
            b.processSearch(ports);
        }
        if (!off.contains(Capability.PENDING_TASKS)) {
            b.taskInbox(ports);
        }
        if (!verdicts.isEmpty()) {
            b.decisionWriter(ports, verdicts);
        }
        if (!off.contains(Capability.CANCEL)) {
            b.processCanceller(ports);
        }
        if (!off.contains(Capability.START)) {
            b.processStarter(ports);
        }
        return b.build();
    }

    private static Set<Capability> switchedOff(String list) {
        Set<Capability> off = EnumSet.noneOf(Capability.class);
        for (String name : list.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            try {
                off.add(Capability.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new ProviderConfigurationException(DESCRIPTOR.id() + "." + UNSUPPORTED + " names '" + name.trim()
                        + "'; capabilities are " + java.util.Arrays.toString(Capability.values()),
                        ErrorContext.provider(DESCRIPTOR.id()), null);
            }
        }
        boolean writesRemain = !off.containsAll(EnumSet.of(Capability.APPROVE, Capability.REJECT, Capability.RETURN,
                Capability.CANCEL));
        if (off.contains(Capability.READ_PROCESSES) && writesRemain) {
            throw new ProviderConfigurationException("READ_PROCESSES can only be switched off together with "
                    + "APPROVE, REJECT, RETURN and CANCEL: writes are validated on the process read back",
                    ErrorContext.provider(DESCRIPTOR.id()), null);
        }
        return off;
    }
}
