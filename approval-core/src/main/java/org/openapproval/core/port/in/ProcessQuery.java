package org.openapproval.core.port.in;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.openapproval.core.domain.DefinitionRef;
import org.openapproval.core.domain.ProcessState;

/**
 * Which processes to list: by definition, states and a creation time window [from, to). Empty means
 * "any". {@code pageSize} is how many are fetched per vendor call.
 *
 * <pre>{@code
 * ProcessQuery open = ProcessQuery.builder().definition("expense").state(ProcessState.IN_PROGRESS)
 *         .from(monthStart).to(monthEnd).build();
 * }</pre>
 */
public final class ProcessQuery {
    /** Page size when none is given. */
    public static final int DEFAULT_PAGE_SIZE = 50;
    /** The largest page size accepted. */
    public static final int MAX_PAGE_SIZE = 1000;

    private final Optional<String> definitionId;
    private final Set<ProcessState> states;
    private final Optional<Instant> from;
    private final Optional<Instant> to;
    private final int pageSize;

    private ProcessQuery(Builder b) {
        definitionId = Optional.ofNullable(b.definitionId);
        definitionId.ifPresent(DefinitionRef::of);
        states = b.states.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(b.states));
        from = Optional.ofNullable(b.from);
        to = Optional.ofNullable(b.to);
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw new IllegalArgumentException("time window is empty: from " + from.get() + " is not before to " + to.get());
        }
        if (b.pageSize < 1 || b.pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size " + b.pageSize + " is outside 1.." + MAX_PAGE_SIZE);
        }
        pageSize = b.pageSize;
    }

    /** @return a builder for a query that matches every process until narrowed */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the definition processes must run, or empty for any */
    public Optional<String> definitionId() {
        return definitionId;
    }

    /** @return the states a process must be in; empty for any */
    public Set<ProcessState> states() {
        return states;
    }

    /** @return the earliest creation time (inclusive), or empty for no lower bound */
    public Optional<Instant> from() {
        return from;
    }

    /** @return the creation time processes must be created before (exclusive), or empty for no upper bound */
    public Optional<Instant> to() {
        return to;
    }

    /** @return how many processes are fetched per vendor call and returned per {@link Page} */
    public int pageSize() {
        return pageSize;
    }

    /**
     * @param state a process state
     * @return whether the state is one the query asks for
     */
    public boolean matchesState(ProcessState state) {
        return states.isEmpty() || states.contains(state);
    }

    /**
     * @param createdAt a process's creation time
     * @return whether it lies in the query's time window
     */
    public boolean matchesTime(Instant createdAt) {
        return from.map(f -> !createdAt.isBefore(f)).orElse(true) && to.map(createdAt::isBefore).orElse(true);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProcessQuery q && q.definitionId.equals(definitionId) && q.states.equals(states)
                && q.from.equals(from) && q.to.equals(to) && q.pageSize == pageSize;
    }

    @Override
    public int hashCode() {
        return Objects.hash(definitionId, states, from, to, pageSize);
    }

    /** A canonical text: equal queries render equally (page tokens are bound to it). */
    @Override
    public String toString() {
        return "ProcessQuery[definition=" + definitionId.orElse("*") + ", states=" + (states.isEmpty() ? "*"
                : EnumSet.copyOf(states).toString()) + ", from=" + from.map(Instant::toString).orElse("*")
                + ", to=" + to.map(Instant::toString).orElse("*") + ", pageSize=" + pageSize + "]";
    }

    /** Builds a {@link ProcessQuery}; {@link #build()} checks the whole. */
    public static final class Builder {
        private String definitionId;
        private final Set<ProcessState> states = EnumSet.noneOf(ProcessState.class);
        private Instant from;
        private Instant to;
        private int pageSize = DEFAULT_PAGE_SIZE;

        private Builder() {
        }

        /**
         * @param id the definition processes must run
         * @return this builder
         */
        public Builder definition(String id) {
            definitionId = Objects.requireNonNull(id, "definition id");
            return this;
        }

        /**
         * Adds a state processes may be in (several calls widen the set).
         *
         * @param state a process state
         * @return this builder
         */
        public Builder state(ProcessState state) {
            states.add(Objects.requireNonNull(state, "state"));
            return this;
        }

        /**
         * @param v the earliest creation time, inclusive
         * @return this builder
         */
        public Builder from(Instant v) {
            from = Objects.requireNonNull(v, "from");
            return this;
        }

        /**
         * @param v the creation time processes must be created before, exclusive
         * @return this builder
         */
        public Builder to(Instant v) {
            to = Objects.requireNonNull(v, "to");
            return this;
        }

        /**
         * @param v processes per vendor call and per page, 1 to {@value ProcessQuery#MAX_PAGE_SIZE}
         * @return this builder
         */
        public Builder pageSize(int v) {
            pageSize = v;
            return this;
        }

        /**
         * @return the query
         * @throws IllegalArgumentException if the time window is empty or the page size out of range
         */
        public ProcessQuery build() {
            return new ProcessQuery(this);
        }
    }
}
