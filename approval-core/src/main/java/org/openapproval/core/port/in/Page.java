package org.openapproval.core.port.in;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a listing, and the token to ask for the next one (empty on the last page). Hand
 * {@code next().get().value()} to a web client and turn it back into a token with {@link PageToken#parse}.
 *
 * @param items the page's items, in listing order; may be empty even when a next page exists
 * @param next the token of the next page, or empty when this is the last
 * @param <T> the item type
 */
public record Page<T>(List<T> items, Optional<PageToken> next) {
    /**
     * Copies and checks the components.
     *
     * @param items the page's items
     * @param next the token of the next page, or empty
     */
    public Page {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        Objects.requireNonNull(next, "next");
    }

    /** @return true when no further page follows */
    public boolean isLast() {
        return next.isEmpty();
    }
}
