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
        MALFORMED_RESPONSE,
        /**
         * Headers at once, then the body one byte per {@link Fault#latency()} (at least 10 ms) for as long as the
         * client listens; writes are applied first.
         */
        DRIPPING_BODY,
        /** Chunked encoding that never ends: a small chunk per {@link Fault#latency()}; writes are applied first. */
        ENDLESS_CHUNKED_BODY,
        /** A well-formed answer of {@link #HUGE_BODY_BYTES} bytes (one huge unknown field); writes are applied first. */
        HUGE_BODY,
        /** The vendor's error answer whose message echoes the request: query, headers and body, secrets included. */
        ECHOING_ERROR,
        /** The vendor's error answer whose message holds terminal control sequences and bidi overrides. */
        CONTROL_CHARACTERS_IN_ERROR,
        /** The request is processed (a write applied), then the connection is closed without any answer. */
        RESET_AFTER_APPLY;

        /** The size of a {@link #HUGE_BODY} answer: a few MB, enough to exceed a small configured maximum. */
        public static final int HUGE_BODY_BYTES = 4 * 1024 * 1024;

        /** Whether a write is applied before this fault garbles, withholds or drags out the answer. */
        public boolean appliesWrites() {
            return this == MALFORMED_RESPONSE || this == DRIPPING_BODY || this == ENDLESS_CHUNKED_BODY
                    || this == HUGE_BODY || this == RESET_AFTER_APPLY;
        }
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
