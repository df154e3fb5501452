package org.openapproval.adapter.support;

import feign.Capability;
import feign.Client;
import feign.MethodMetadata;
import feign.Request;
import feign.RequestTemplate;
import feign.ResponseInterceptor;
import feign.Retryer;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.openapproval.core.domain.ApprovalException;
import org.openapproval.core.domain.VendorProtocolException;
import org.openapproval.core.spi.ApprovalObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports a Feign client's vendor exchanges to the provider's {@link ApprovalObserver}: one
 * {@link ApprovalObserver.CallKind#HTTP} observation per request and answer, named by the Feign config key
 * without its parameter types ({@code NocolyV3Api#processesOfRow}; never the URL, which carries ids and
 * signatures), ending with the outcome of the decoded answer, so a business error inside HTTP 200 counts as
 * the failure it is, with the vendor's code and trace id. Repeats are counted as read retries (and waits on a
 * vendor's Retry-After as rate-limit waits); on a token client, every answered exchange as a token fetch.
 *
 * <p>Add it to a builder with {@code addCapability}. The observation starts in the HTTP client and ends after
 * decoding, on the same thread: Feign's synchronous clients do both on the calling thread. The observer's own
 * failures are logged and dropped, never passed to the call.
 */
public final class ObservedExchanges implements Capability {
    private static final Logger LOG = LoggerFactory.getLogger(ObservedExchanges.class);

    private final ApprovalObserver observer;
    private final VendorFailures failures;
    private final boolean tokenCalls;
    private final Function<Object, Optional<String>> traceIdOfAnswer;
    /** The exchange the HTTP client started and the decoding ends; one at a time per thread. */
    private final ThreadLocal<ApprovalObserver.Observation> current = new ThreadLocal<>();

    private ObservedExchanges(ApprovalObserver observer, VendorFailures failures, boolean tokenCalls,
                              Function<Object, Optional<String>> traceIdOfAnswer) {
        this.observer = Objects.requireNonNull(observer, "observer");
        this.failures = Objects.requireNonNull(failures, "failures");
        this.tokenCalls = tokenCalls;
        this.traceIdOfAnswer = Objects.requireNonNull(traceIdOfAnswer, "traceIdOfAnswer");
    }

    /**
     * @param observer the observer of the provider's context
     * @param failures the adapter's failure translation; it names the provider and classifies odd answers
     */
    public static ObservedExchanges of(ApprovalObserver observer, VendorFailures failures) {
        return new ObservedExchanges(observer, failures, false, answer -> Optional.empty());
    }

    /** A copy for a token client: each exchange that ends well also counts a token fetch. */
    public ObservedExchanges fetchingTokens() {
        return new ObservedExchanges(observer, failures, true, traceIdOfAnswer);
    }

    /**
     * A copy that records the trace id a successful answer carries (failures carry theirs in their context).
     *
     * @param traceIdOfAnswer the vendor's trace id in a decoded answer, if it has one
     */
    public ObservedExchanges tracedBy(Function<Object, Optional<String>> traceIdOfAnswer) {
        return new ObservedExchanges(observer, failures, tokenCalls, traceIdOfAnswer);
    }

    @Override
    public Client enrich(Client client) {
        return new ObservingClient(client, this);
    }

    @Override
    public ResponseInterceptor.Chain enrich(ResponseInterceptor.Chain chain) {
        return context -> {
            ApprovalObserver.Observation exchange = current.get();
            if (exchange == null) {
                return chain.next(context);
            }
            current.remove(); // before decoding: a call made while decoding starts an exchange of its own
            try {
                Object answer = chain.next(context);
                quietly(() -> traceIdOfAnswer.apply(answer).ifPresent(exchange::traceId));
                if (tokenCalls) {
                    count(ApprovalObserver.Event.TOKEN_FETCH, context.response().request());
                }
                return answer;
            } catch (Exception e) {
                failed(exchange, e);
                throw e;
            } finally {
                quietly(exchange::close);
            }
        };
    }

    @Override
    public Retryer enrich(Retryer retryer) {
        return new CountingRetryer(retryer, this);
    }

    /** Starts the exchange of {@code request}; an exchange left open on this thread is closed first. */
    void started(Request request) {
        ApprovalObserver.Observation leftover = current.get();
        if (leftover != null) {
            quietly(leftover::close); // its answer was never decoded (Feign failed in between)
        }
        ApprovalObserver.Observation exchange;
        try {
            exchange = observer.start(ApprovalObserver.CallKind.HTTP, failures.providerId(), operationOf(request));
        } catch (RuntimeException e) {
            LOG.warn("approval observer failed to start observing an exchange: {}", e.toString());
            exchange = ApprovalObserver.Observation.NONE;
        }
        current.set(exchange == null ? ApprovalObserver.Observation.NONE : exchange);
    }

    /** Ends this thread's exchange with a failure that left no answer to decode. */
    void unanswered(Exception failure) {
        ApprovalObserver.Observation exchange = current.get();
        if (exchange == null) {
            return;
        }
        current.remove();
        failed(exchange, failure);
        quietly(exchange::close);
    }

    void count(ApprovalObserver.Event event, Request request) {
        quietly(() -> observer.count(event, failures.providerId(), operationOf(request)));
    }

    void rateLimitWaited(Request request, Duration wait) {
        quietly(() -> observer.rateLimitWaited(failures.providerId(), operationOf(request), wait));
    }

    private void failed(ApprovalObserver.Observation exchange, Exception failure) {
        ApprovalException translated = failure instanceof RuntimeException e ? failures.translate(e)
                : failure instanceof IOException io ? TransportFailures.of(io, failures.vendorName(),
                failures.context())
                : new VendorProtocolException(failures.vendorName() + "'s answer could not be understood: "
                + failure.getClass().getSimpleName(), failures.context(), null);
        quietly(() -> exchange.failed(translated));
    }

    /** The Feign config key without parameter types, e.g. {@code FxiaokeReadApi#process}; never the URL. */
    static String operationOf(Request request) {
        return Optional.ofNullable(request).map(Request::requestTemplate).map(RequestTemplate::methodMetadata)
                .map(MethodMetadata::configKey).map(key -> key.indexOf('(') < 0 ? key : key.substring(0, key.indexOf('(')))
                .orElse("unknown");
    }

    private static void quietly(Runnable report) {
        try {
            report.run();
        } catch (RuntimeException e) {
            LOG.warn("approval observer failed: {}", e.toString());
        }
    }

    /** For the tests' eyes only: whether this thread has an exchange open. */
    boolean hasOpenExchange() {
        return current.get() != null;
    }
}
