package org.openapproval.sandbox.kit;

import java.time.Duration;
import java.util.Objects;

/**
 * Misbehaviour to inject into a sandbox for the next {@code times} requests in its {@link Scope}
 * (all requests, or only writes: decisions, cancel, start).
 */
public record Fault(Kind kind, int times, Duration latency, Scope scope) {
    public enum Kind {
        /** Answer correctly, but only after {@link Fault#latency()}. */
        LATENCY,
        /** HTTP 5xx / "system busy": nothing is applied. */
        VENDOR_UNAVAILABLE,
        /** The vendor's throttling answer. */
        RATE_LIMITED,
        /** Credentials (tokens) in use are treated as expired; a provider that can refresh must recover. */
        EXPIRED_CREDENTIALS,
        /** A body the client cannot parse; writes are applied first (the answer is lost in transit). */
        MALFORMED_RESPONSE
    }

    public enum Scope {
        ALL_REQUESTS,
        WRITES
    }

    public Fault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(scope, "scope");
        if (times < 1) {
            throw new IllegalArgumentException("a fault must apply to at least one request, not " + times);
        }
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative");
        }
    }

    public static Fault of(Kind kind, int times) {
        return new Fault(kind, times, Duration.ZERO, Scope.ALL_REQUESTS);
    }

    public static Fault onWrites(Kind kind, int times) {
        return new Fault(kind, times, Duration.ZERO, Scope.WRITES);
    }

    public static Fault latency(Duration latency, int times) {
        return new Fault(Kind.LATENCY, times, latency, Scope.ALL_REQUESTS);
    }
}
