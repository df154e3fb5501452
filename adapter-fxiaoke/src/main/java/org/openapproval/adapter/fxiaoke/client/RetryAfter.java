package org.openapproval.adapter.fxiaoke.client;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Reads a delta-seconds {@code Retry-After} header, if any (Fxiaoke documents none; gateways may send one). */
final class RetryAfter {
    private RetryAfter() {
    }

    static Optional<Duration> parse(Map<String, Collection<String>> headers) {
        for (var e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase("retry-after") && !e.getValue().isEmpty()) {
                try {
                    long seconds = Long.parseLong(e.getValue().iterator().next().trim());
                    return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
                } catch (NumberFormatException ignored) {
                    return Optional.empty(); // an HTTP date: fall back to our own backoff
                }
            }
        }
        return Optional.empty();
    }
}
