package org.openapproval.core.observation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.Objects;
import java.util.Optional;
import org.openapproval.core.spi.ApprovalObserver;
import org.openapproval.core.spi.ObservedOutcome;

/**
 * Reports OpenApproval to Micrometer: one Micrometer {@code Observation} per {@code ApprovalService} call
 * ({@value #SERVICE_OBSERVATION}) and per vendor HTTP exchange ({@value #HTTP_OBSERVATION}), each with
 * exactly the low-cardinality keys {@value #PROVIDER}, {@value #OPERATION}, {@value #OUTCOME} and
 * {@value #ERROR_CODE} ({@code none} when the vendor gave none), and the vendor's trace id as the
 * high-cardinality key {@value #TRACE_ID}. Observations nest, so an HTTP exchange is a child span of
 * the service call that caused it when Micrometer Tracing is present.
 *
 * <p>A failed call's error is recorded as a {@code RedactedFailure} naming the failure's class, outcome and
 * vendor code only: tracing backends export an error's message and stack trace text, and vendor messages
 * quote users, comments and ids.
 *
 * <p>With a {@link MeterRegistry}, events are counted: {@value #TOKEN_FETCHES}, {@value #READ_RETRIES},
 * {@value #RATE_LIMIT_WAITS} and {@value #OUTCOME_UNKNOWN_WRITES}, tagged with provider and operation.
 *
 * <p>Micrometer is an optional dependency of approval-core: only this package uses it, and an application
 * without Micrometer never loads it.
 */
public final class MicrometerApprovalObserver implements ApprovalObserver {
    /** Observation name of an {@code ApprovalService} call. */
    public static final String SERVICE_OBSERVATION = "approval.call";
    /** Observation name of one vendor HTTP exchange. */
    public static final String HTTP_OBSERVATION = "approval.http";
    /** Low-cardinality key: the provider id. */
    public static final String PROVIDER = "approval.provider";
    /** Low-cardinality key: the operation (service method or HTTP client method). */
    public static final String OPERATION = "approval.operation";
    /** Low-cardinality key: the {@link ObservedOutcome#tagValue()}. */
    public static final String OUTCOME = "approval.outcome";
    /** Low-cardinality key: the vendor's error code, or {@value #NO_ERROR_CODE}. */
    public static final String ERROR_CODE = "approval.vendor.error.code";
    /** High-cardinality key: the vendor's trace id. */
    public static final String TRACE_ID = "approval.vendor.trace.id";
    /** Counter: access tokens fetched. */
    public static final String TOKEN_FETCHES = "approval.token.fetches";
    /** Counter: reads repeated after a retryable failure. */
    public static final String READ_RETRIES = "approval.read.retries";
    /** Counter: waits on a vendor's rate limit. */
    public static final String RATE_LIMIT_WAITS = "approval.rate.limit.waits";
    /** Counter: writes whose outcome stayed unknown. */
    public static final String OUTCOME_UNKNOWN_WRITES = "approval.writes.outcome.unknown";
    /** The value of {@value #ERROR_CODE} when the vendor gave no code. */
    public static final String NO_ERROR_CODE = "none";

    private final ObservationRegistry observations;
    private final Optional<MeterRegistry> meters;

    /**
     * Observations only; events are not counted.
     *
     * @param observations the application's observation registry
     */
    public MicrometerApprovalObserver(ObservationRegistry observations) {
        this.observations = Objects.requireNonNull(observations, "observations");
        this.meters = Optional.empty();
    }

    /**
     * Observations, and counters for events.
     *
     * @param observations the application's observation registry
     * @param meters where the event counters are registered
     */
    public MicrometerApprovalObserver(ObservationRegistry observations, MeterRegistry meters) {
        this.observations = Objects.requireNonNull(observations, "observations");
        this.meters = Optional.of(Objects.requireNonNull(meters, "meters"));
    }

    @Override
    public ApprovalObserver.Observation start(CallKind kind, String providerId, String operation) {
        String name = kind == CallKind.HTTP ? HTTP_OBSERVATION : SERVICE_OBSERVATION;
        io.micrometer.observation.Observation observation = io.micrometer.observation.Observation.createNotStarted(name, observations)
                .contextualName((kind == CallKind.HTTP ? "approval http " : "approval ") + operation)
                .lowCardinalityKeyValue(PROVIDER, providerId)
                .lowCardinalityKeyValue(OPERATION, operation)
                .start();
        return new Running(observation, observation.openScope());
    }

    @Override
    public void count(Event event, String providerId, String operation) {
        meters.ifPresent(registry -> Counter.builder(counterName(event))
                .tag(PROVIDER, providerId)
                .tag(OPERATION, operation)
                .register(registry)
                .increment());
    }

    private static String counterName(Event event) {
        return switch (event) {
            case TOKEN_FETCH -> TOKEN_FETCHES;
            case READ_RETRY -> READ_RETRIES;
            case RATE_LIMIT_WAIT -> RATE_LIMIT_WAITS;
            case OUTCOME_UNKNOWN_WRITE -> OUTCOME_UNKNOWN_WRITES;
        };
    }

    /** One running observation with its scope; the scope makes nested observations its children. */
    private static final class Running implements ApprovalObserver.Observation {
        private final io.micrometer.observation.Observation observation;
        private final io.micrometer.observation.Observation.Scope scope;
        private ObservedOutcome outcome = ObservedOutcome.SUCCESS;
        private String errorCode = NO_ERROR_CODE;
        private boolean closed;

        Running(io.micrometer.observation.Observation observation, io.micrometer.observation.Observation.Scope scope) {
            this.observation = observation;
            this.scope = scope;
        }

        @Override
        public void traceId(String traceId) {
            if (traceId != null && !traceId.isBlank()) {
                observation.highCardinalityKeyValue(TRACE_ID, traceId);
            }
        }

        @Override
        public void vendorErrorCode(String code) {
            if (code != null && !code.isBlank()) {
                errorCode = code;
            }
        }

        @Override
        public void failed(Throwable failure) {
            outcome = ObservedOutcome.of(failure);
            ObservedOutcome.vendorCodeOf(failure).ifPresent(this::vendorErrorCode);
            if (failure instanceof org.openapproval.core.domain.ApprovalException ae) {
                ae.traceId().ifPresent(this::traceId);
            }
            // never the failure itself: its message would reach the tracing backend (see RedactedFailure)
            observation.error(RedactedFailure.of(failure));
        }

        @Override
        public void outcome(ObservedOutcome value) {
            outcome = Objects.requireNonNull(value, "outcome");
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            observation.lowCardinalityKeyValue(OUTCOME, outcome.tagValue());
            observation.lowCardinalityKeyValue(ERROR_CODE, errorCode);
            scope.close();
            observation.stop();
        }
    }
}
