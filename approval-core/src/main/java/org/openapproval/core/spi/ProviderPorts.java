package org.openapproval.core.spi;

import org.openapproval.core.port.in.Capability;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.ArrayList;
import org.openapproval.core.domain.DecisionPolicy;
import org.openapproval.core.domain.Verdict;
import org.openapproval.core.port.out.DecisionWriter;
import org.openapproval.core.port.out.DefinitionCatalog;
import org.openapproval.core.port.out.ProcessCanceller;
import org.openapproval.core.port.out.ProcessReader;
import org.openapproval.core.port.out.ProcessSearch;
import org.openapproval.core.port.out.ProcessStarter;
import org.openapproval.core.port.out.TaskInbox;

/**
 * What {@link ApprovalProvider#create} returns: the driven ports this configured provider implements,
 * the decision policy it declares, and why each missing capability is missing. Capabilities are
 * derived from the ports present, so a provider cannot claim what it does not implement.
 */
public final class ProviderPorts implements AutoCloseable {
    private final String providerId;
    private final Optional<DefinitionCatalog> definitionCatalog;
    private final Optional<ProcessReader> processReader;
    private final Optional<ProcessSearch> processSearch;
    private final Optional<TaskInbox> taskInbox;
    private final Optional<DecisionWriter> decisionWriter;
    private final Optional<ProcessCanceller> processCanceller;
    private final Optional<ProcessStarter> processStarter;
    private final DecisionPolicy decisionPolicy;
    private final Set<Capability> capabilities;
    private final Map<Capability, String> unsupportedReasons;
    private final List<AutoCloseable> closeables;
    private boolean closed;

    private ProviderPorts(Builder b) {
        providerId = b.providerId;
        definitionCatalog = Optional.ofNullable(b.definitionCatalog);
        processReader = Optional.ofNullable(b.processReader);
        processSearch = Optional.ofNullable(b.processSearch);
        taskInbox = Optional.ofNullable(b.taskInbox);
        decisionWriter = Optional.ofNullable(b.decisionWriter);
        processCanceller = Optional.ofNullable(b.processCanceller);
        processStarter = Optional.ofNullable(b.processStarter);
        decisionPolicy = b.decisionPolicy;
        EnumSet<Capability> caps = EnumSet.noneOf(Capability.class);
        definitionCatalog.ifPresent(x -> caps.add(Capability.LIST_DEFINITIONS));
        processReader.ifPresent(x -> caps.add(Capability.READ_PROCESSES));
        processSearch.ifPresent(x -> caps.add(Capability.QUERY_PROCESSES));
        taskInbox.ifPresent(x -> caps.add(Capability.PENDING_TASKS));
        if (decisionWriter.isPresent()) {
            b.verdicts.forEach(v -> caps.add(capabilityOf(v)));
        }
        processCanceller.ifPresent(x -> caps.add(Capability.CANCEL));
        processStarter.ifPresent(x -> caps.add(Capability.START));
        if (caps.contains(Capability.APPROVE) || caps.contains(Capability.REJECT) || caps.contains(Capability.RETURN)
                || caps.contains(Capability.CANCEL)) {
            if (processReader.isEmpty()) {
                // Decisions are validated on, and reconciled by, the process read back.
                throw new IllegalStateException("provider " + providerId + " offers writes without a ProcessReader");
            }
        }
        capabilities = Collections.unmodifiableSet(caps);
        unsupportedReasons = Collections.unmodifiableMap(new EnumMap<>(b.reasons));
        closeables = List.copyOf(b.closeables);
    }

    /**
     * @param providerId the provider's id; must equal its descriptor's
     * @return a builder with no ports
     */
    public static Builder builder(String providerId) {
        return new Builder(providerId);
    }

    /**
     * @param verdict a decision verdict
     * @return the capability that sends it
     */
    public static Capability capabilityOf(Verdict verdict) {
        return switch (verdict) {
            case APPROVE -> Capability.APPROVE;
            case REJECT -> Capability.REJECT;
            case RETURN -> Capability.RETURN;
        };
    }

    /** @return the provider's id */
    public String providerId() {
        return providerId;
    }

    /** @return the capabilities the present ports give */
    public Set<Capability> capabilities() {
        return capabilities;
    }

    /**
     * @param capability a capability
     * @return why it is missing, or empty when it is supported
     */
    public Optional<String> unsupportedReason(Capability capability) {
        if (capabilities.contains(capability)) {
            return Optional.empty();
        }
        return Optional.of(unsupportedReasons.getOrDefault(capability,
                "the vendor's API offers no such operation to this provider"));
    }

    /** @return the provider's rules for decisions */
    public DecisionPolicy decisionPolicy() {
        return decisionPolicy;
    }

    /** @return the definition catalog, if the provider has one */
    public Optional<DefinitionCatalog> definitionCatalog() {
        return definitionCatalog;
    }

    /** @return the process reader, if the provider has one */
    public Optional<ProcessReader> processReader() {
        return processReader;
    }

    /** @return the process search, if the provider has one */
    public Optional<ProcessSearch> processSearch() {
        return processSearch;
    }

    /** @return the task inbox, if the provider has one */
    public Optional<TaskInbox> taskInbox() {
        return taskInbox;
    }

    /** @return the decision writer, if the provider has one */
    public Optional<DecisionWriter> decisionWriter() {
        return decisionWriter;
    }

    /** @return the process canceller, if the provider has one */
    public Optional<ProcessCanceller> processCanceller() {
        return processCanceller;
    }

    /** @return the process starter, if the provider has one */
    public Optional<ProcessStarter> processStarter() {
        return processStarter;
    }

    /** Closes what the provider registered (HTTP clients, injectors' resources), once. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = null;
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("closing provider " + providerId + " failed", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Collects a provider's ports; {@link #build()} derives the capabilities. */
    public static final class Builder {
        private final String providerId;
        private DefinitionCatalog definitionCatalog;
        private ProcessReader processReader;
        private ProcessSearch processSearch;
        private TaskInbox taskInbox;
        private DecisionWriter decisionWriter;
        private final Set<Verdict> verdicts = EnumSet.noneOf(Verdict.class);
        private ProcessCanceller processCanceller;
        private ProcessStarter processStarter;
        private DecisionPolicy decisionPolicy = DecisionPolicy.commentsOptional();
        private final Map<Capability, String> reasons = new EnumMap<>(Capability.class);
        private final List<AutoCloseable> closeables = new ArrayList<>();

        private Builder(String providerId) {
            this.providerId = Objects.requireNonNull(providerId, "providerId");
        }

        /**
         * @param v the definition catalog
         * @return this builder
         */
        public Builder definitionCatalog(DefinitionCatalog v) {
            definitionCatalog = v;
            return this;
        }

        /**
         * @param v the process reader
         * @return this builder
         */
        public Builder processReader(ProcessReader v) {
            processReader = v;
            return this;
        }

        /**
         * @param v the process search
         * @return this builder
         */
        public Builder processSearch(ProcessSearch v) {
            processSearch = v;
            return this;
        }

        /**
         * @param v the task inbox
         * @return this builder
         */
        public Builder taskInbox(TaskInbox v) {
            taskInbox = v;
            return this;
        }

        /**
         * The writer and the verdicts it can send (e.g. Nocoly: APPROVE and REJECT, no RETURN).
         *
         * @param v the decision writer
         * @param supported the verdicts it can send
         * @return this builder
         */
        public Builder decisionWriter(DecisionWriter v, Set<Verdict> supported) {
            decisionWriter = v;
            verdicts.clear();
            verdicts.addAll(supported);
            return this;
        }

        /**
         * @param v the process canceller
         * @return this builder
         */
        public Builder processCanceller(ProcessCanceller v) {
            processCanceller = v;
            return this;
        }

        /**
         * @param v the process starter
         * @return this builder
         */
        public Builder processStarter(ProcessStarter v) {
            processStarter = v;
            return this;
        }

        /**
         * @param v the provider's rules for decisions
         * @return this builder
         */
        public Builder decisionPolicy(DecisionPolicy v) {
            decisionPolicy = Objects.requireNonNull(v, "decisionPolicy");
            return this;
        }

        /**
         * Says why a capability is missing, e.g. which config keys would enable it.
         *
         * @param capability the missing capability
         * @param reason why, for the application's developer
         * @return this builder
         */
        public Builder unsupported(Capability capability, String reason) {
            reasons.put(capability, Objects.requireNonNull(reason, "reason"));
            return this;
        }

        /**
         * Registers a resource to close with the ports (an HTTP client, an injector's resources).
         *
         * @param resource closed once, when the service is closed
         * @return this builder
         */
        public Builder onClose(AutoCloseable resource) {
            closeables.add(Objects.requireNonNull(resource, "resource"));
            return this;
        }

        /**
         * @return the ports
         * @throws IllegalStateException if writes are offered without a process reader
         */
        public ProviderPorts build() {
            return new ProviderPorts(this);
        }
    }
}
