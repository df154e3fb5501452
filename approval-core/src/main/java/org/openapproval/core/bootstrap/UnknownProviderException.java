package org.openapproval.core.bootstrap;

import org.openapproval.core.spi.ProviderConfigurationException;

import java.util.List;

/** No provider with that id is on the class path. The message lists the ids that are. */
public class UnknownProviderException extends ProviderConfigurationException {
    private static final long serialVersionUID = 1L;
    private final List<String> knownIds; // an immutable List.copyOf, serializable

    public UnknownProviderException(String requestedId, List<String> knownIds) {
        this(requestedId, knownIds, List.of());
    }

    /** Also names providers that failed to load: the one asked for may be among them. */
    public UnknownProviderException(String requestedId, List<String> knownIds, List<ProviderProblem> loadProblems) {
        super("no approval provider with id '" + requestedId + "'; known providers: "
                + (knownIds.isEmpty() ? "(none on the class path)" : String.join(", ", knownIds))
                + (loadProblems.isEmpty() ? "" : "; providers that failed to load: " + loadProblems));
        this.knownIds = List.copyOf(knownIds);
    }

    public List<String> knownIds() {
        return knownIds;
    }
}
