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
    // kept as plain strings (null = unknown) because Optional is not serializable: an exception that crosses a
    // JVM boundary (RMI, a distributed cache, a job queue) must arrive with its provider, code and trace id
    private final String providerId;
    private final String vendorCode;
    private final String vendorMessage;
    private final String traceId;

    protected ApprovalException(String reason, ErrorContext context, Throwable cause) {
        super(render(reason, context), cause);
        Objects.requireNonNull(context, "context");
        this.reason = reason;
        this.providerId = context.providerId().orElse(null);
        this.vendorCode = context.vendorCode().orElse(null);
        this.vendorMessage = context.vendorMessage().orElse(null);
        this.traceId = context.traceId().orElse(null);
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
        return new ErrorContext(providerId(), vendorCode(), Optional.ofNullable(vendorMessage), traceId());
    }

    public Optional<String> providerId() {
        return Optional.ofNullable(providerId);
    }

    public Optional<String> vendorCode() {
        return Optional.ofNullable(vendorCode);
    }

    public Optional<String> traceId() {
        return Optional.ofNullable(traceId);
    }

    /** Whether trying the same call again later may succeed (rate limits, outages). */
    public boolean isRetryable() {
        return false;
    }
}
