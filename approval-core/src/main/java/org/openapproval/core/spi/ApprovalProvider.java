package org.openapproval.core.spi;


/**
 * The service a vendor adapter registers in {@code META-INF/services/org.openapproval.core.spi.ApprovalProvider}.
 *
 * <p>Implementations must be cheap to construct (a public no-arg constructor, no I/O): discovery
 * instantiates every provider on the class path just to read its {@link #descriptor()}. The work
 * happens in {@link #create}, which builds the driven ports (adapters use their own private Guice
 * injector there) for one configuration.
 *
 * <p>The ports a provider builds are called from many threads at once (one {@code ApprovalService} is
 * shared by the application) and must be thread-safe.
 */
public interface ApprovalProvider {

    /** @return the provider's self-description: id, config keys, capabilities, honoured start inputs */
    ProviderDescriptor descriptor();

    /**
     * Builds a provider instance for this configuration.
     *
     * @param config the resolved, validated configuration
     * @return the ports; the host closes them when the service is closed
     * @throws ProviderConfigurationException when required keys are missing (all of them named) or malformed
     */
    ProviderPorts create(ProviderConfig config);

    /**
     * Builds a provider instance for this configuration, reporting to the context's observer. Providers
     * that report HTTP exchanges, token fetches, retries or rate-limit waits override this one; the
     * default ignores the context.
     *
     * @param config the resolved, validated configuration
     * @param context what the host hands over besides the configuration
     * @return the ports; the host closes them when the service is closed
     * @throws ProviderConfigurationException when required keys are missing (all of them named) or malformed
     */
    default ProviderPorts create(ProviderConfig config, ProviderContext context) {
        return create(config);
    }
}
