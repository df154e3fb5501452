package org.openapproval.adapter.fxiaoke;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.openapproval.adapter.support.InProcessSharedState;
import org.openapproval.adapter.support.SharedState;
import org.openapproval.adapter.support.SharedStateChoice;
import org.openapproval.adapter.support.Sleeper;
import org.openapproval.adapter.support.TokenStore;
import org.openapproval.adapter.support.VendorHttpClient;
import org.openapproval.core.domain.DecisionPolicy;
import org.openapproval.core.domain.Verdict;
import org.openapproval.core.spi.ApprovalProvider;
import org.openapproval.core.port.in.Capability;
import org.openapproval.core.port.in.StartInput;
import org.openapproval.core.spi.ProviderConfig;
import org.openapproval.core.spi.ProviderContext;
import org.openapproval.core.spi.ProviderDescriptor;
import org.openapproval.core.spi.ProviderPorts;

/**
 * Provider {@code fxiaoke}: approvals in Fxiaoke CRM (纷享销客) through its OpenAPI. The module's only
 * public entry; found by ServiceLoader. Each {@link #create} builds its own private Guice injector, HTTP client
 * and lease on this provider's token store; closing the service releases all three.
 *
 * <p>Fxiaoke allows ten token calls a minute and none concurrently, so the services one provider object
 * creates with the same credentials share one token. Nothing is shared between provider objects unless
 * they are given the same {@link TokenStore} or {@link SharedState}, or {@code fxiaoke.shared-state=jcache}
 * puts tokens, the call budget and the quota state on a JCache cluster shared by every node.
 *
 * <p>Definitions cannot be listed and flows cannot be started: the vendor's pages for those are not
 * documented (see the module README). Every decision needs a comment: Fxiaoke requires an opinion.
 */
public final class FxiaokeApprovalProvider implements ApprovalProvider {
    static final String ID = "fxiaoke";
    // why capabilities are missing: one text for the descriptor (listing providers) and the ports (using one)
    private static final String NO_DEFINITIONS = "Fxiaoke's 'Query Approval Definitions' API is not documented "
            + "publicly (no verified path or fields), so this provider does not call it";
    private static final String NO_START = "Fxiaoke documents no API that starts an approval flow; flows start when a "
            + "CRM record is created or changed";
    private static final ProviderDescriptor DESCRIPTOR = new ProviderDescriptor(ID, "Fxiaoke CRM (纷享销客)",
            FxiaokeSettings.KEYS, EnumSet.of(Capability.READ_PROCESSES, Capability.QUERY_PROCESSES,
            Capability.PENDING_TASKS, Capability.APPROVE, Capability.REJECT, Capability.RETURN, Capability.CANCEL))
            .withStartInputs(EnumSet.noneOf(StartInput.class)) // no START at all: nothing to honour
            .withUnsupported(Capability.LIST_DEFINITIONS, NO_DEFINITIONS)
            .withUnsupported(Capability.START, NO_START);

    private final Clock clock;
    private final Supplier<UUID> traceIds;
    private final SharedStateChoice shared;

    /**
     * For ServiceLoader: the system clock, random UUIDs, and the shared state {@code fxiaoke.shared-state}
     * names (by default, of its own in this JVM).
     */
    public FxiaokeApprovalProvider() {
        this(Clock.systemUTC(), UUID::randomUUID);
    }

    /** With a token store the caller owns; budgets and quota state stay in this JVM. */
    public FxiaokeApprovalProvider(TokenStore tokens) {
        this(Clock.systemUTC(), UUID::randomUUID, tokens);
    }

    /**
     * With shared state the caller owns, e.g. {@code JCacheSharedState} on the application's own cache
     * manager; {@code fxiaoke.shared-state} is then not consulted.
     */
    public FxiaokeApprovalProvider(SharedState shared) {
        this(Clock.systemUTC(), UUID::randomUUID, shared);
    }

    /** With a chosen clock (token expiry) and trace-id source, for tests. */
    FxiaokeApprovalProvider(Clock clock, Supplier<UUID> traceIds) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.traceIds = Objects.requireNonNull(traceIds, "traceIds");
        this.shared = SharedStateChoice.configured(new InProcessSharedState(clock), clock);
    }

    FxiaokeApprovalProvider(Clock clock, Supplier<UUID> traceIds, TokenStore tokens) {
        this(clock, traceIds, new InProcessSharedState(clock, tokens, Sleeper.THREAD));
    }

    FxiaokeApprovalProvider(Clock clock, Supplier<UUID> traceIds, SharedState shared) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.traceIds = Objects.requireNonNull(traceIds, "traceIds");
        this.shared = SharedStateChoice.given(shared);
    }

    @Override
    public ProviderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ProviderPorts create(ProviderConfig config) {
        return create(config, ProviderContext.defaults());
    }

    @Override
    public ProviderPorts create(ProviderConfig config, ProviderContext context) {
        if (!config.providerId().equals(ID)) {
            throw new IllegalArgumentException("config for provider " + config.providerId() + " given to " + ID);
        }
        FxiaokeSettings settings = FxiaokeSettings.from(config);
        Injector injector = Guice.createInjector(new FxiaokeModule(settings, clock, traceIds,
                shared.forConfig(settings.sharedState()), context.observer()));
        VendorHttpClient http = injector.getInstance(VendorHttpClient.class);
        try {
            TokenStore.Lease lease = injector.getInstance(TokenStore.Lease.class);
            try {
                return ports(injector).onClose(lease).onClose(http).build();
            } catch (RuntimeException e) {
                lease.close();
                throw e;
            }
        } catch (RuntimeException e) {
            http.close();
            throw e;
        }
    }

    private static ProviderPorts.Builder ports(Injector injector) {
        return ProviderPorts.builder(ID)
                .processReader(injector.getInstance(FxiaokeProcessReader.class))
                .processSearch(injector.getInstance(FxiaokeProcessSearch.class))
                .taskInbox(injector.getInstance(FxiaokeTaskInbox.class))
                .decisionWriter(injector.getInstance(FxiaokeDecisionWriter.class), EnumSet.allOf(Verdict.class))
                .processCanceller(injector.getInstance(FxiaokeProcessCanceller.class))
                .decisionPolicy(DecisionPolicy.commentsRequired())
                .unsupported(Capability.LIST_DEFINITIONS, NO_DEFINITIONS)
                .unsupported(Capability.START, NO_START);
    }


}
