package org.openapproval.core.application;

import org.openapproval.core.spi.ApprovalObserver;
import org.openapproval.core.spi.ObservedOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps a faulty observer from failing the call it observes: its exceptions are logged and dropped. */
final class GuardedObserver implements ApprovalObserver {
    private static final Logger LOG = LoggerFactory.getLogger(GuardedObserver.class);
    private final ApprovalObserver delegate;

    GuardedObserver(ApprovalObserver delegate) {
        this.delegate = delegate;
    }

    @Override
    public Observation start(CallKind kind, String providerId, String operation) {
        try {
            Observation o = delegate.start(kind, providerId, operation);
            return o == null ? Observation.NONE : new GuardedObservation(o);
        } catch (RuntimeException e) {
            LOG.warn("approval observer failed to start observing {}: {}", operation, e.toString());
            return Observation.NONE;
        }
    }

    @Override
    public void count(Event event, String providerId, String operation) {
        try {
            delegate.count(event, providerId, operation);
        } catch (RuntimeException e) {
            LOG.warn("approval observer failed to count {}: {}", event, e.toString());
        }
    }

    private record GuardedObservation(Observation delegate) implements Observation {
        @Override
        public void traceId(String traceId) {
            guard(() -> delegate.traceId(traceId));
        }

        @Override
        public void vendorErrorCode(String code) {
            guard(() -> delegate.vendorErrorCode(code));
        }

        @Override
        public void failed(Throwable failure) {
            guard(() -> delegate.failed(failure));
        }

        @Override
        public void outcome(ObservedOutcome outcome) {
            guard(() -> delegate.outcome(outcome));
        }

        @Override
        public void close() {
            guard(delegate::close);
        }

        private static void guard(Runnable r) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.warn("approval observer failed: {}", e.toString());
            }
        }
    }
}
