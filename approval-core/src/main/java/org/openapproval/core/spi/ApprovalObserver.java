package org.openapproval.core.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * A vendor-neutral hook for metrics and tracing, with no dependency on any metrics library. The
 * application service reports every {@code ApprovalService} call through it; a provider reports every
 * vendor HTTP exchange and the events below through the observer its {@link ProviderContext} carries.
 * {@code org.openapproval.core.observation.MicrometerApprovalObserver} maps it onto Micrometer.
 *
 * <p>What reaches an observer is low-cardinality by construction: a provider id, an operation name
 * from a fixed set (a service method, or an HTTP client method such as {@code NocolyV3Api#processesOfRow},
 * never a URL), an {@link ObservedOutcome} and the vendor's error code. Ids, users, comments and
 * signed URLs never do; the vendor's trace id is passed separately, as a high-cardinality value.
 *
 * <p>Implementations must be thread-safe and must not throw: a failing observer must never fail the
 * call it observes (the callers guard against it anyway).
 */
public interface ApprovalObserver {
    /** An observer that does nothing; the default everywhere. */
    ApprovalObserver NONE = new ApprovalObserver() {
    };

    /** What kind of call is observed. */
    enum CallKind {
        /** One {@code ApprovalService} method call. */
        SERVICE,
        /** One HTTP request and response between a provider and its vendor. */
        HTTP
    }

    /** A counted event a provider or the service reports. */
    enum Event {
        /** An access token was fetched (or refreshed) from the vendor. */
        TOKEN_FETCH,
        /** A read was repeated after a retryable failure. */
        READ_RETRY,
        /** A provider waited because the vendor asked it to slow down. */
        RATE_LIMIT_WAIT,
        /** A write failed in transit and its outcome could not be learned. */
        OUTCOME_UNKNOWN_WRITE
    }

    /**
     * Starts observing one call; the caller must {@link Observation#close()} the result when the call ends.
     *
     * @param kind a service call or an HTTP exchange
     * @param providerId the provider's id
     * @param operation a name from a fixed set: the service method, or the HTTP client method
     * @return the running observation; never null
     */
    default Observation start(CallKind kind, String providerId, String operation) {
        return Observation.NONE;
    }

    /**
     * Counts one event.
     *
     * @param event what happened
     * @param providerId the provider's id
     * @param operation the operation it happened in (a name from a fixed set)
     */
    default void count(Event event, String providerId, String operation) {
    }

    /**
     * Records a wait a provider made because the vendor rate-limited it; counts a {@link Event#RATE_LIMIT_WAIT}.
     *
     * @param providerId the provider's id
     * @param operation the operation that waited
     * @param wait how long it waited
     */
    default void rateLimitWaited(String providerId, String operation, Duration wait) {
        Objects.requireNonNull(wait, "wait");
        count(Event.RATE_LIMIT_WAIT, providerId, operation);
    }

    /** One observed call in progress. Not shared between threads. */
    interface Observation extends AutoCloseable {
        /** An observation that records nothing. */
        Observation NONE = new Observation() {
            @Override
            public void close() {
            }
        };

        /**
         * Records the vendor's trace id for this call (a high-cardinality value: never a metric tag).
         *
         * @param traceId the vendor's trace or request id
         */
        default void traceId(String traceId) {
        }

        /**
         * Records the vendor's error code when the vendor answered with one.
         *
         * @param code the vendor's error code (from the vendor's own fixed set)
         */
        default void vendorErrorCode(String code) {
        }

        /**
         * Records that the call failed; the outcome is {@link ObservedOutcome#of(Throwable)} and the vendor
         * error code and trace id are taken from an {@code ApprovalException}'s context.
         *
         * @param failure what the call threw
         */
        default void failed(Throwable failure) {
        }

        /**
         * Records an outcome other than the one {@link #failed} would derive, e.g.
         * {@link ObservedOutcome#CONFIRMED_BY_READ_BACK}.
         *
         * @param outcome the call's outcome
         */
        default void outcome(ObservedOutcome outcome) {
        }

        /** Ends the observation; the outcome is {@link ObservedOutcome#SUCCESS} unless said otherwise. */
        @Override
        void close();
    }
}
