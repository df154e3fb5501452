package org.openapproval.core.port.out;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of results and the opaque token for the next page (empty on the last page). */
public record Page<T>(List<T> items, Optional<String> nextPageToken) {
    public Page {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        Objects.requireNonNull(nextPageToken, "nextPageToken");
    }

    public static <T> Page<T> last(List<T> items) {
        return new Page<>(items, Optional.empty());
    }
}
