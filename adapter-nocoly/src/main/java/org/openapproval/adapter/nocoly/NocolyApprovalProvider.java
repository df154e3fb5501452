package org.openapproval.adapter.nocoly;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Objects;
import org.openapproval.adapter.support.InProcessSharedState;
import org.openapproval.adapter.support.SharedState;
import org.openapproval.adapter.support.SharedStateChoice;
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
 * Provider {@code nocoly}: approvals in Nocoly / Mingdao HAP (明道云). The module's only public entry; found
 * by ServiceLoader. Each {@link #create} builds its own private Guice injector and HTTP client; closing the
 * service releases the client.
 *
 * <p>Reads, definitions and start use the V3 application API (HAP-Appkey/HAP-Sign). Approve, reject and the
 * to-do list exist only in the organization API, so they are offered only when the organization key is
 * configured. Return and cancel are in no public HAP API.
 *
 * <p>The app's call budget and HAP's throttling hold-offs are shared by every service this object creates with
 * the same app key, and with {@code nocoly.shared-state=jcache} by every node on a JCache cluster. HAP's
 * sign is static, so there is no token to share.
 */
public final class NocolyApprovalProvider implements ApprovalProvider {
    static final String ID = "nocoly";
    // why capabilities are missing: one text for the descriptor (listing providers) and the ports (using one)
    private static final String NO_RETURN = "HAP has no public API to return an approval to an earlier node (only the "
            + "internal web API and the unverified V3 user-token endpoints)";
    private static final String NO_CANCEL = "HAP has no public API to withdraw or terminate an approval with an app or "
            + "organization key";
    private static final String NO_QUERY = "HAP's V3 API lists approval executions per row only";
    private static final String NEEDS_ORG_KEY = "needs the organization key: configure nocoly.org-app-key and "
            + "nocoly.org-secret-key (HAP's V3 app API has no approve/reject or to-do endpoint)";
    private static final ProviderDescriptor DESCRIPTOR = new ProviderDescriptor(ID, "Nocoly / Mingdao HAP (明道云)",
            NocolySettings.KEYS, EnumSet.of(Capability.LIST_DEFINITIONS, Capability.READ_PROCESSES, Capability.START,
            Capability.APPROVE, Capability.REJECT, Capability.PENDING_TASKS)).withStartInputs(EnumSet.of(StartInput.INPUTS))
            .withUnsupported(Capability.RETURN, NO_RETURN)
            .withUnsupported(Capability.CANCEL, NO_CANCEL)
            .withUnsupported(Capability.QUERY_PROCESSES, NO_QUERY)
            .withUnsupported(Capability.APPROVE, NEEDS_ORG_KEY)
            .withUnsupported(Capability.REJECT, NEEDS_ORG_KEY)
            .withUnsupported(Capability.PENDING_TASKS, NEEDS_ORG_KEY);

    private final Clock clock;
    private final SharedStateChoice shared;

    /**
     * For ServiceLoader: the system clock (organization signatures are timestamped) and the shared state
     * {@code nocoly.shared-state} names (by default, of its own in this JVM).
     */
    public NocolyApprovalProvider() {
        this(Clock.systemUTC());
    }

    /**
     * With shared state the caller owns, e.g. {@code JCacheSharedState} on the application's own cache
     * manager; {@code nocoly.shared-state} is then not consulted.
     */
    public NocolyApprovalProvider(SharedState shared) {
        this(Clock.systemUTC(), shared);
    }

    NocolyApprovalProvider(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.shared = SharedStateChoice.configured(new InProcessSharedState(clock), clock);
    }

    NocolyApprovalProvider(Clock clock, SharedState shared) {
        this.clock = Objects.requireNonNull(clock, "clock");
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
        NocolySettings settings = NocolySettings.from(config);
        Injector injector = Guice.createInjector(new NocolyModule(settings, clock, context.observer(),
                shared.forConfig(settings.sharedState())));
        VendorHttpClient http = injector.getInstance(VendorHttpClient.class);
        try {
            return ports(injector, settings).onClose(http).build();
        } catch (RuntimeException e) {
            http.close();
            throw e;
        }
    }

    private static ProviderPorts.Builder ports(Injector injector, NocolySettings settings) {
        ProviderPorts.Builder ports = ProviderPorts.builder(ID)
                .definitionCatalog(injector.getInstance(NocolyDefinitionCatalog.class))
                .processReader(injector.getInstance(NocolyProcessReader.class))
                .processStarter(injector.getInstance(NocolyProcessStarter.class))
                .decisionPolicy(DecisionPolicy.commentsOptional())
                .unsupported(Capability.RETURN, NO_RETURN)
                .unsupported(Capability.CANCEL, NO_CANCEL)
                .unsupported(Capability.QUERY_PROCESSES, NO_QUERY);
        if (settings.organization().isPresent()) {
            ports.decisionWriter(injector.getInstance(NocolyDecisionWriter.class),
                            EnumSet.of(Verdict.APPROVE, Verdict.REJECT))
                    .taskInbox(injector.getInstance(NocolyTaskInbox.class));
        } else {
            ports.unsupported(Capability.APPROVE, NEEDS_ORG_KEY)
                    .unsupported(Capability.REJECT, NEEDS_ORG_KEY)
                    .unsupported(Capability.PENDING_TASKS, NEEDS_ORG_KEY);
        }
        return ports;
    }


}
