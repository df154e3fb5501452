package org.openapproval.tck.example;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.openapproval.core.domain.ActorNotAllowedException;
import org.openapproval.core.domain.AuthenticationException;
import org.openapproval.core.domain.ErrorContext;
import org.openapproval.core.domain.NotFoundException;
import org.openapproval.core.domain.RateLimitedException;
import org.openapproval.core.domain.TaskNotPendingException;
import org.openapproval.core.domain.VendorProtocolException;
import org.openapproval.core.domain.VendorUnavailableException;
import org.openapproval.tck.example.ExampleVendor.InboxItem;
import org.openapproval.tck.example.ExampleVendor.Reply;
import org.openapproval.tck.example.ExampleVendor.Request;

/**
 * The provider's connection to ExampleVendor, where a real plugin keeps its HTTP client and error decoder:
 * one method per vendor call, a session opened on first use and renewed once when the vendor says it
 * expired, and the vendor's status codes turned into the library's exceptions. Never retries otherwise:
 * the application layer decides what may be repeated. Thread-safe.
 */
final class ExampleClient {
    private final ExampleVendor vendor;
    private final String tenant;
    private final String apiKey;
    private String session; // guarded by this; null until the first call

    ExampleClient(ExampleVendor vendor, String tenant, String apiKey) {
        this.vendor = Objects.requireNonNull(vendor, "vendor");
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
    }

    /** Empty when the vendor does not know the request: absence is not an error for a read. */
    Optional<Request> request(String requestId) {
        Reply<Request> reply = send(s -> vendor.request(s, requestId));
        return reply.status() == ExampleVendor.NOT_FOUND ? Optional.empty() : Optional.of(body(reply));
    }

    List<Request> requestsOf(String documentId) {
        return body(send(s -> vendor.requestsOf(s, documentId)));
    }

    List<InboxItem> inbox(String voterId) {
        return body(send(s -> vendor.inbox(s, voterId)));
    }

    void vote(String voteId, String voterId, boolean yes, String comment) {
        body(send(s -> vendor.vote(s, voteId, voterId, yes, comment)));
    }

    /** Sends with the current session; an expired one is renewed and the call sent once more. */
    private <T> Reply<T> send(Function<String, Reply<T>> call) {
        String used = session();
        Reply<T> reply = call.apply(used);
        if (reply.status() == ExampleVendor.SESSION_EXPIRED) {
            // The vendor refused the call before doing anything, so even a write is safe to send again.
            renew(used);
            reply = call.apply(session());
        }
        return reply;
    }

    private synchronized String session() {
        if (session == null) {
            session = body(vendor.login(tenant, apiKey));
        }
        return session;
    }

    /** Forgets the expired session unless another thread already replaced it. */
    private synchronized void renew(String expired) {
        if (expired.equals(session)) {
            session = null;
        }
    }

    /** The body of a successful reply, or the exception its status means. Messages never contain the API key. */
    private static <T> T body(Reply<T> reply) {
        ErrorContext context = ErrorContext.provider(ExampleProvider.ID)
                .withVendorCode(String.valueOf(reply.status())).withVendorMessage(reply.message());
        String reason = "example vendor answered " + reply.status();
        return switch (reply.status()) {
            case ExampleVendor.OK -> reply.body();
            case ExampleVendor.BAD_CREDENTIALS, ExampleVendor.SESSION_EXPIRED ->
                    throw new AuthenticationException(reason + ": the tenant or API key was refused", context, null);
            case ExampleVendor.NOT_YOUR_VOTE -> throw new ActorNotAllowedException(reason, context);
            case ExampleVendor.NOT_FOUND -> throw new NotFoundException(reason, context, null);
            case ExampleVendor.VOTE_CLOSED -> throw new TaskNotPendingException(reason, context);
            case ExampleVendor.SLOW_DOWN -> throw new RateLimitedException(reason, context, Optional.empty(), null);
            case ExampleVendor.BUSY -> throw new VendorUnavailableException(reason, context, null);
            // Also UNREADABLE: a write may have landed, which the application layer checks by reading back.
            default -> throw new VendorProtocolException(reason + ", which this provider cannot read", context, null);
        };
    }
}
