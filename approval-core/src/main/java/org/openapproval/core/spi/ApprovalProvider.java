package org.openapproval.core.spi;


/**
 * The service a vendor adapter registers in {@code META-INF/services/org.openapproval.core.spi.ApprovalProvider}.
 *
 * <p>Implementations must be cheap to construct (a public no-arg constructor, no I/O): discovery
 * instantiates every provider on the class path just to read its {@link #descriptor()}. The work
 * happens in {@link #create}, which builds the driven ports (adapters use their own private Guice
 * injector there) for one configuration.
 */
public interface ApprovalProvider {

    ProviderDescriptor descriptor();

    /**
     * Builds a provider instance for this configuration.
     *
     * @throws ProviderConfigurationException when required keys are missing (all of them named) or malformed
     */
    ProviderPorts create(ProviderConfig config);
}
