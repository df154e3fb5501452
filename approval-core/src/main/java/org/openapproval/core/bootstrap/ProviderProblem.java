package org.openapproval.core.bootstrap;

import java.util.Objects;
import java.util.Optional;

/**
 * A provider that could not be used: it failed to load, or its id clashes with another's.
 *
 * @param source the provider class(es) or the loader that failed
 * @param message what went wrong
 * @param cause the error, when there was one
 */
public record ProviderProblem(String source, String message, Optional<Throwable> cause) {
    /**
     * Checks the components.
     *
     * @param source the provider class(es) or the loader that failed
     * @param message what went wrong
     * @param cause the error, when there was one
     */
    public ProviderProblem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(cause, "cause");
    }

    @Override
    public String toString() {
        return source + ": " + message;
    }
}
