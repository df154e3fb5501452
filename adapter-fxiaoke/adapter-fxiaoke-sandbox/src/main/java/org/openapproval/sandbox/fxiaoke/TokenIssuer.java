package org.openapproval.sandbox.fxiaoke;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Issues and checks the two token kinds (fact sheet §2): the new-style {@code accessToken} and the
 * legacy {@code corpAccessToken}. Same lifetime rules for both: valid 7200 s from issue; asking again
 * within 6600 s of the current token's issue returns that token with its remaining lifetime; asking
 * later issues a new one while the old stays valid until its own 7200 s. Each endpoint allows no
 * concurrent calls and at most 10 calls per minute. Thread-safe; all time comes from the caller.
 */
final class TokenIssuer {
    enum Kind {
        ACCESS_TOKEN("/oauth2.0/token"),
        CORP_ACCESS_TOKEN("/cgi/corpAccessToken/get/V2");

        final String path;

        Kind(String path) {
            this.path = path;
        }
    }

    /** A token handed out, with {@code expiresIn} in whole seconds left. */
    record Issued(String token, long expiresIn) {
        Issued {
            Objects.requireNonNull(token, "token");
        }
    }

    private record Token(String value, Kind kind, Instant issuedAt, Instant expiresAt) {
    }

    static final Duration LIFETIME = Duration.ofSeconds(7200);
    static final Duration SAME_TOKEN_WINDOW = Duration.ofSeconds(6600);
    static final int MAX_CALLS_PER_MINUTE = 10;
    private static final Duration RATE_WINDOW = Duration.ofMinutes(1);

    // A per-sandbox random part keeps a token of one sandbox from ever working in another one
    // (catches a client that shares its token cache across tenants). Ids stay ordered by the counter.
    private final String nonce;
    private long issuedCount;
    private final Map<String, Token> valid = new HashMap<>();
    private final Map<Kind, Token> current = new EnumMap<>(Kind.class);
    private final Map<Kind, Deque<Instant>> recentCalls = new EnumMap<>(Kind.class);
    private final Map<Kind, AtomicBoolean> inFlight = new EnumMap<>(Kind.class);

    TokenIssuer() {
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        nonce = HexFormat.of().formatHex(random);
        for (Kind k : Kind.values()) {
            recentCalls.put(k, new ArrayDeque<>());
            inFlight.put(k, new AtomicBoolean());
        }
    }

    /** Claims the endpoint for one call; false when another call to it is still being served. */
    boolean tryEnter(Kind kind) {
        return inFlight.get(kind).compareAndSet(false, true);
    }

    void exit(Kind kind) {
        inFlight.get(kind).set(false);
    }

    /**
     * Counts a call against the per-minute limit; false when the limit is reached.
     * UNVERIFIED: the limit's exact counting (per endpoint, whether refused calls count) is not documented;
     * each endpoint has its own sliding minute and calls refused with 14001 do not count.
     */
    synchronized boolean admit(Kind kind, Instant now) {
        Deque<Instant> calls = recentCalls.get(kind);
        Instant windowStart = now.minus(RATE_WINDOW);
        while (!calls.isEmpty() && !calls.peekFirst().isAfter(windowStart)) {
            calls.removeFirst();
        }
        if (calls.size() >= MAX_CALLS_PER_MINUTE) {
            return false;
        }
        calls.addLast(now);
        return true;
    }

    synchronized Issued issue(Kind kind, Instant now) {
        Token token = current.get(kind);
        if (token == null || !isLive(token, now)
                || Duration.between(token.issuedAt(), now).compareTo(SAME_TOKEN_WINDOW) >= 0) {
            issuedCount++;
            String value = String.format("%s%s%010x", kind == Kind.ACCESS_TOKEN ? "at" : "ct", nonce, issuedCount)
                    .toUpperCase(java.util.Locale.ROOT);
            token = new Token(value, kind, now, now.plus(LIFETIME));
            valid.put(value, token);
            current.put(kind, token);
        }
        return new Issued(token.value(), Math.max(0, Duration.between(now, token.expiresAt()).getSeconds()));
    }

    /** Whether a token of this kind was issued, is not expired and was not revoked by {@link #expireAll()}. */
    synchronized boolean isValid(Kind kind, String value, Instant now) {
        Token token = value == null ? null : valid.get(value);
        // UNVERIFIED: whether an accessToken works in legacy body style (or the reverse) is not documented;
        // the sandbox keeps the two kinds apart.
        return token != null && token.kind() == kind && isLive(token, now);
    }

    synchronized void expireAll() {
        valid.clear();
        current.clear();
    }

    private static boolean isLive(Token token, Instant now) {
        return now.isBefore(token.expiresAt());
    }
}
