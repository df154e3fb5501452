package org.openapproval.adapter.support;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a delta-seconds {@code Retry-After} header. An HTTP-date or anything else unreadable is ignored, so
 * the caller falls back to its own backoff rather than trusting a clock it does not share. Absurdly long
 * waits (any number of digits) are capped at {@link #MAX_WAIT}: the vendor asked for a long pause, and a
 * caller is told so without arithmetic overflowing anywhere.
 */
public final class RetryAfter {
    /** The longest wait reported; a vendor asking for more means "not today". */
    public static final Duration MAX_WAIT = Duration.ofDays(1);

    private RetryAfter() {
    }

    /** The wait the headers ask for (header names in any case), or empty. */
    public static Optional<Duration> parse(Map<String, Collection<String>> headers) {
        for (Map.Entry<String, Collection<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase("retry-after") && !e.getValue().isEmpty()) {
                String value = String.valueOf(e.getValue().iterator().next()).trim();
                boolean seconds = !value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9');
                if (!seconds) {
                    return Optional.empty();
                }
                // more than nine digits is over 31 years: capped without parsing (no overflow)
                Duration wait = value.length() > 9 ? MAX_WAIT : Duration.ofSeconds(Long.parseLong(value));
                return Optional.of(wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait);
            }
        }
        return Optional.empty();
    }
}
