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

    /** Creates a business record with an open process whose first step awaits its assignees. */
    SeededProcess seedProcess(ProcessSeed seed);

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
