package org.openapproval.adapter.support;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a delta-seconds {@code Retry-After} header. An HTTP-date or anything else unreadable is ignored, so
 * the caller falls back to its own backoff rather than trusting a clock it does not share.
 */
public final class RetryAfter {
    /** Nine digits are over 31 years: longer values are nonsense, not waits. */
    private static final int MAX_DIGITS = 9;

    private RetryAfter() {
    }

    /** The wait the headers ask for (header names in any case), or empty. */
    public static Optional<Duration> parse(Map<String, Collection<String>> headers) {
        for (Map.Entry<String, Collection<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase("retry-after") && !e.getValue().isEmpty()) {
                String value = String.valueOf(e.getValue().iterator().next()).trim();
                boolean seconds = !value.isEmpty() && value.length() <= MAX_DIGITS
                        && value.chars().allMatch(c -> c >= '0' && c <= '9');
                return seconds ? Optional.of(Duration.ofSeconds(Long.parseLong(value))) : Optional.empty();
            }
        }
        return Optional.empty();
    }
}
