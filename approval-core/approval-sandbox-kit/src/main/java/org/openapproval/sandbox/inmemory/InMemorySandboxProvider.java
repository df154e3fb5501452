package org.openapproval.sandbox.inmemory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.openapproval.core.domain.ApprovalProcess;
import org.openapproval.core.domain.ErrorContext;
import org.openapproval.core.domain.RateLimitedException;
import org.openapproval.core.domain.VendorProtocolException;
import org.openapproval.core.domain.VendorUnavailableException;
import org.openapproval.core.inmemory.InMemoryApprovalProvider;
import org.openapproval.core.inmemory.InMemoryApprovalStore;
import org.openapproval.core.spi.ApprovalProvider;
import org.openapproval.sandbox.kit.DefinitionSeed;
import org.openapproval.sandbox.kit.Fault;
import org.openapproval.sandbox.kit.FaultSchedule;
import org.openapproval.sandbox.kit.ProcessSeed;
import org.openapproval.sandbox.kit.ProviderSandbox;
import org.openapproval.sandbox.kit.SandboxProvider;
import org.openapproval.sandbox.kit.SeededProcess;

/**
 * The in-memory provider's "sandbox": a fresh {@link InMemoryApprovalStore} per start, with the same
 * neutral seeding, fault injection and request counting as the HTTP sandboxes, so the TCK and the CLI
 * treat it like any vendor. It is also the smallest example of a {@link ProviderSandbox} that is not an
 * HTTP server: {@link ProviderSandbox#provider()} hands out a provider bound to this sandbox's store.
 */
public final class InMemorySandboxProvider implements SandboxProvider {
    private static final String PROVIDER_ID = "in-memory";

    @Override
    public String providerId() {
        return PROVIDER_ID;
    }

    @Override
    public ProviderSandbox start(Clock clock) {
        return new Sandbox(InMemoryApprovalStore.create(clock));
    }

    private static final class Sandbox implements ProviderSandbox {
        private final InMemoryApprovalStore store;
        private final FaultSchedule faults = new FaultSchedule();

        Sandbox(InMemoryApprovalStore store) {
            this.store = store;
            store.intercept(new InMemoryApprovalStore.CallInterceptor() {
                @Override
                public <T> T intercept(boolean write, Supplier<T> call) {
                    return faults.take(write).map(f -> Sandbox.<T>misbehave(f, write, call, store.requestCount()))
                            .orElseGet(call);
                }
            });
        }

        @Override
        public String providerId() {
            return PROVIDER_ID;
        }

        @Override
        public Map<String, String> connectionConfig() {
            return Map.of();
        }

        @Override
        public ApprovalProvider provider() {
            return new InMemoryApprovalProvider(store);
        }

        @Override
        public String seedDefinition(DefinitionSeed seed) {
            return store.defineFlow(seed.name(), seed.inputs(), List.of());
        }

        @Override
        public SeededProcess seedProcess(ProcessSeed seed) {
            ApprovalProcess p = store.openProcess(seed.definitionName(), seed.initiator(), seed.steps());
            return new SeededProcess(p.id(), p.record(), p.definition().id());
        }

        /** Any size: the in-memory provider has no vendor limit to respect. */
        @Override
        public boolean pageSize(int size) {
            if (size < 0) {
                return false;
            }
            store.pageSize(size);
            return true;
        }

        @Override
        public void injectFault(Fault fault) {
            faults.inject(fault);
        }

        @Override
        public void clearFaults() {
            faults.clear();
        }

        @Override
        public long requestCount() {
            return store.requestCount();
        }

        @Override
        public void close() {
            faults.clear();
        }

        private static <T> T misbehave(Fault fault, boolean write, Supplier<T> call, long request) {
            ErrorContext ctx = ErrorContext.provider(PROVIDER_ID).withVendorCode(fault.kind().name())
                    .withTraceId("mem-" + request);
            switch (fault.kind()) {
                case LATENCY -> {
                    pause(fault.latency());
                    return call.get();
                }
                case VENDOR_UNAVAILABLE -> throw new VendorUnavailableException("in-memory store: injected outage",
                        ctx, null);
                case RATE_LIMITED -> throw new RateLimitedException("in-memory store: injected throttling", ctx,
                        Optional.of(Duration.ofSeconds(1)), null);
                case EXPIRED_CREDENTIALS -> {
                    // nothing expires in memory: like a provider that refreshed its token transparently
                    return call.get();
                }
                case MALFORMED_RESPONSE -> {
                    if (write) {
                        call.get(); // the write lands; only its answer is lost
                    }
                    throw new VendorProtocolException("in-memory store: injected malformed response", ctx, null);
                }
                default -> throw new IllegalStateException("unhandled fault " + fault.kind());
            }
        }

        private static void pause(Duration latency) {
            try {
                Thread.sleep(latency.toMillis()); // simulated vendor latency, not synchronisation
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new VendorUnavailableException("interrupted while simulating latency",
                        ErrorContext.provider(PROVIDER_ID), e);
            }
        }
    }
}
