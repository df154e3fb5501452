package org.openapproval.core.port.out;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One vendor page of results and the provider's own token for the next page (empty on the last page). The
 * application sees {@link org.openapproval.core.port.in.Page}, whose token wraps this one.
 *
 * @param items the page's items
 * @param nextPageToken the provider's cursor for the next page, or empty on the last page
 * @param <T> the item type
 */
public record Page<T>(List<T> items, Optional<String> nextPageToken) {
    /**
     * Copies and checks the components.
     *
     * @param items the page's items
     * @param nextPageToken the provider's cursor for the next page, or empty
     */
    public Page {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        Objects.requireNonNull(nextPageToken, "nextPageToken");
    }

    /**
     * @param items the items of the last page
     * @param <T> the item type
     * @return a page with no next page
     */
    public static <T> Page<T> last(List<T> items) {
        return new Page<>(items, Optional.empty());
    }
}
