package org.openapproval.core.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * Root of every exception this library throws on purpose. Catch it to handle all of them; catch a
 * subclass to handle one kind. Each carries the provider id, the vendor's code and trace id when known.
 */
public abstract class ApprovalException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String reason;
    private final transient ErrorContext context;

    protected ApprovalException(String reason, ErrorContext context, Throwable cause) {
        super(render(reason, context), cause);
        this.reason = reason;
        this.context = Objects.requireNonNull(context, "context");
    }

    private static String render(String reason, ErrorContext context) {
        String details = context == null ? "" : context.describe();
        return details.isEmpty() ? reason : reason + " [" + details + "]";
    }

    /** The message without the appended vendor details. */
    public String reason() {
        return reason;
    }

    public ErrorContext context() {
        return context;
    }

    public Optional<String> providerId() {
        return context.providerId();
    }

    public Optional<String> vendorCode() {
        return context.vendorCode();
    }

    public Optional<String> traceId() {
        return context.traceId();
    }

    /** Whether trying the same call again later may succeed (rate limits, outages). */
    public boolean isRetryable() {
        return false;
    }
}
