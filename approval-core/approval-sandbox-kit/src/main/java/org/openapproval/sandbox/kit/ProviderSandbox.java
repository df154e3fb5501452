package org.openapproval.sandbox.kit;

import java.util.Map;
import org.openapproval.core.bootstrap.ProviderRegistry;
import org.openapproval.core.spi.ApprovalProvider;

/**
 * A running vendor simulator, driven in neutral terms only, so the TCK and the CLI demo never need an
 * adapter class. Thread-safe.
 */
public interface ProviderSandbox extends AutoCloseable {

    String providerId();

    /** Config values (short key names) that connect the provider to this sandbox, credentials included. */
    Map<String, String> connectionConfig();

    /**
     * The provider to connect to this sandbox with {@link #connectionConfig()}. By default the one
     * {@link ProviderRegistry} finds for {@link #providerId()}; an in-process sandbox returns a provider bound
     * to its own state instead.
     */
    default ApprovalProvider provider() {
        return ProviderRegistry.load().provider(providerId());
    }

    /** Creates a definition the provider will list; returns its id as the provider reports it. */
    String seedDefinition(DefinitionSeed seed);

    /**
     * Creates a business record with an open process whose first stage awaits its assignees. Steps given a
     * stage ({@link org.openapproval.core.domain.StepPlan#stage()}) run side by side where the vendor can
     * represent that.
     *
     * @throws UnrepresentableSeedException if the vendor cannot represent the seed as given (a mode, a kind or
     *                                      parallel steps it does not have); a sandbox never approximates
     */
    SeededProcess seedProcess(ProcessSeed seed);

    /** {@link #pageSize(int)} with this value restores the sandbox's own default page size. */
    int DEFAULT_PAGE_SIZE = 0;

    /**
     * Sets the most items the sandbox answers on one page of a user's pending tasks and of a process query,
     * whatever page size the provider asks for (vendors may return fewer items than asked). Lets the TCK
     * prove that a provider pages correctly over more items than one page without seeding hundreds.
     *
     * @param size at least 1, or {@link #DEFAULT_PAGE_SIZE} for the sandbox's own default
     * @return whether it was applied: false if the sandbox cannot change its paging, or the vendor's
     *         documented paging does not allow that size (the sandbox's default then stays in force)
     */
    default boolean pageSize(int size) {
        return false;
    }

    /**
     * Makes the next {@code fault.times()} requests misbehave. Writes fail before they are applied,
     * except {@link Fault.Kind#MALFORMED_RESPONSE}, which applies the write and garbles the answer (a
     * response lost in transit).
     */
    void injectFault(Fault fault);

    void clearFaults();

    /** Requests served so far; lets tests show that invalid input never reached the vendor. */
    long requestCount();

    /** Stops the sandbox and frees its port. Idempotent. */
    @Override
    void close();
}
