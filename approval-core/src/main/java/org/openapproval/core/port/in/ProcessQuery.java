package org.openapproval.core.port.in;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.openapproval.core.domain.DefinitionRef;
import org.openapproval.core.domain.ProcessState;

/**
 * Which processes to list: by definition, states and a creation time window [from, to). Empty means
 * "any". {@code pageSize} is how many are fetched per vendor call; results stream lazily page by page.
 */
public record ProcessQuery(Optional<String> definitionId, Set<ProcessState> states, Optional<Instant> from,
                           Optional<Instant> to, int pageSize) {
    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 1000;

    public ProcessQuery {
        Objects.requireNonNull(definitionId, "definitionId").ifPresent(DefinitionRef::of);
        states = Set.copyOf(Objects.requireNonNull(states, "states"));
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw new IllegalArgumentException("time window is empty: from " + from.get() + " is not before to " + to.get());
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size " + pageSize + " is outside 1.." + MAX_PAGE_SIZE);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean matchesState(ProcessState state) {
        return states.isEmpty() || states.contains(state);
    }

    public boolean matchesTime(Instant createdAt) {
        return from.map(f -> !createdAt.isBefore(f)).orElse(true) && to.map(createdAt::isBefore).orElse(true);
    }

    public static final class Builder {
        private String definitionId;
        private final Set<ProcessState> states = EnumSet.noneOf(ProcessState.class);
        private Instant from;
        private Instant to;
        private int pageSize = DEFAULT_PAGE_SIZE;

        private Builder() {
        }

        public Builder definition(String id) {
            definitionId = id;
            return this;
        }

        public Builder state(ProcessState state) {
            states.add(Objects.requireNonNull(state, "state"));
            return this;
        }

        public Builder from(Instant v) {
            from = v;
            return this;
        }

        public Builder to(Instant v) {
            to = v;
            return this;
        }

        public Builder pageSize(int v) {
            pageSize = v;
            return this;
        }

        public ProcessQuery build() {
            return new ProcessQuery(Optional.ofNullable(definitionId), states, Optional.ofNullable(from),
                    Optional.ofNullable(to), pageSize);
        }
    }
}
