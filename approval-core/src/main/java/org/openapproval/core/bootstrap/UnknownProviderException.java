package org.openapproval.core.bootstrap;

import org.openapproval.core.spi.ProviderConfigurationException;

import java.util.List;

/** No provider with that id is on the class path. The message lists the ids that are. */
public class UnknownProviderException extends ProviderConfigurationException {
    private static final long serialVersionUID = 1L;
    /** The usable providers' ids; an immutable List.copyOf, serializable. */
    private final List<String> knownIds;

    /**
     * @param requestedId the id asked for
     * @param knownIds the ids of the usable providers
     */
    public UnknownProviderException(String requestedId, List<String> knownIds) {
        this(requestedId, knownIds, List.of());
    }

    /**
     * Also names providers that failed to load: the one asked for may be among them.
     *
     * @param requestedId the id asked for
     * @param knownIds the ids of the usable providers
     * @param loadProblems the providers that failed to load
     */
    public UnknownProviderException(String requestedId, List<String> knownIds, List<ProviderProblem> loadProblems) {
        super("no approval provider with id '" + requestedId + "'; known providers: "
                + (knownIds.isEmpty() ? "(none on the class path)" : String.join(", ", knownIds))
                + (loadProblems.isEmpty() ? "" : "; providers that failed to load: " + loadProblems));
        this.knownIds = List.copyOf(knownIds);
    }

    /** @return the ids of the usable providers */
    public List<String> knownIds() {
        return knownIds;
    }
}
