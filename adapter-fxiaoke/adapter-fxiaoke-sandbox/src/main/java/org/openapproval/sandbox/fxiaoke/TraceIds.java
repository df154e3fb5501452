package org.openapproval.sandbox.fxiaoke;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks the {@code thirdTraceId} query parameter: required on every call, an RFC 4122 UUID v4, and
 * different per request (fact sheet §1). Thread-safe.
 */
final class TraceIds {
    /** The outcome for one request; {@code problem} is null when the id is acceptable. */
    record Verdict(String problem) {
        boolean ok() {
            return problem == null;
        }
    }

    private static final Pattern UUID_V4 =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    /**
     * Judges the id and remembers it at once, whatever then happens to the request.
     * UNVERIFIED: whether an id counts as used when the request failed (fault, error code) is not
     * documented; remembering every received id makes a client that reuses ids on retry fail loudly.
     */
    Verdict check(List<String> values) {
        if (values == null || values.isEmpty() || values.get(0).isBlank()) {
            return new Verdict("thirdTraceId is required as a query parameter");
        }
        if (values.size() > 1) {
            return new Verdict("thirdTraceId must be given once");
        }
        String id = values.get(0).toLowerCase(Locale.ROOT);
        if (!UUID_V4.matcher(id).matches()) {
            return new Verdict("thirdTraceId must be a UUID v4, not '" + values.get(0) + "'");
        }
        if (!seen.add(id)) {
            return new Verdict("thirdTraceId " + values.get(0) + " was already used");
        }
        return new Verdict(null);
    }
}
