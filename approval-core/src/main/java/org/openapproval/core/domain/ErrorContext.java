package org.openapproval.core.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * What is known about where a failure came from: the provider, the vendor's own error code and message,
 * and the vendor's trace id, so support requests to the vendor can quote them.
 */
public record ErrorContext(Optional<String> providerId, Optional<String> vendorCode, Optional<String> vendorMessage,
                           Optional<String> traceId) {
    private static final ErrorContext NONE = new ErrorContext(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    public ErrorContext {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(vendorCode, "vendorCode");
        Objects.requireNonNull(vendorMessage, "vendorMessage");
        Objects.requireNonNull(traceId, "traceId");
    }

    public static ErrorContext none() {
        return NONE;
    }

    public static ErrorContext provider(String providerId) {
        return NONE.withProvider(providerId);
    }

    public ErrorContext withProvider(String id) {
        return new ErrorContext(Optional.ofNullable(id), vendorCode, vendorMessage, traceId);
    }

    public ErrorContext withVendorCode(String code) {
        return new ErrorContext(providerId, Optional.ofNullable(code), vendorMessage, traceId);
    }

    public ErrorContext withVendorMessage(String message) {
        return new ErrorContext(providerId, vendorCode, Optional.ofNullable(message), traceId);
    }

    public ErrorContext withTraceId(String id) {
        return new ErrorContext(providerId, vendorCode, vendorMessage, Optional.ofNullable(id));
    }

    /** Renders the known parts as {@code provider=x, vendor code=y, vendor message="z", trace id=t}. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        providerId.ifPresent(p -> append(out, "provider=" + p));
        vendorCode.ifPresent(c -> append(out, "vendor code=" + c));
        vendorMessage.ifPresent(m -> append(out, "vendor message=\"" + m + "\""));
        traceId.ifPresent(t -> append(out, "trace id=" + t));
        return out.toString();
    }

    private static void append(StringBuilder out, String part) {
        if (out.length() > 0) {
            out.append(", ");
        }
        out.append(part);
    }
}
