package org.openapproval.adapter.support;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.util.Objects;

/**
 * Starts the observation of each exchange before the request is sent. A request that gets no answer ends its
 * observation here; an answered one ends after decoding ({@link ObservedExchanges}).
 */
final class ObservingClient implements Client {
    private final Client delegate;
    private final ObservedExchanges exchanges;

    ObservingClient(Client delegate, ObservedExchanges exchanges) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.exchanges = Objects.requireNonNull(exchanges, "exchanges");
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        exchanges.started(request);
        try {
            return delegate.execute(request, options);
        } catch (IOException | RuntimeException e) {
            exchanges.unanswered(e);
            throw e;
        }
    }
}
