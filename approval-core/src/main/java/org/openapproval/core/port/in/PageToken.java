package org.openapproval.core.port.in;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An opaque continuation token for {@link ApprovalService#queryPage} and
 * {@link ApprovalService#pendingTasksPage}. Its {@link #value()} is URL-safe (base64url, no padding), so
 * it can travel in a query string and come back through {@link #parse(String)}. A token is bound to the
 * listing that issued it (provider, query or user): handed to another listing it is refused.
 *
 * @param value the token's text
 */
public record PageToken(String value) {
    private static final int MAX_LENGTH = 4096;
    private static final Pattern URL_SAFE = Pattern.compile("[A-Za-z0-9_-]+");
    private static final String VERSION = "1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /**
     * Checks the text is a well-formed token.
     *
     * @param value the token's text
     */
    public PageToken {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > MAX_LENGTH || !URL_SAFE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a page token: it must be 1.." + MAX_LENGTH
                    + " characters of A-Z, a-z, 0-9, '-' and '_'");
        }
    }

    /**
     * Reads a token a client sent back.
     *
     * @param text the token's {@link #value()}
     * @return the token
     * @throws IllegalArgumentException if the text cannot be a token
     */
    public static PageToken parse(String text) {
        PageToken token = new PageToken(text);
        token.parts(); // fails early on text that was not issued as a token
        return token;
    }

    /**
     * For {@link ApprovalService} implementations: wraps a provider's own cursor, bound to a listing.
     *
     * @param scope what the token is valid for, e.g. the provider id and the query
     * @param cursor the provider's cursor for the next page
     * @return the token
     */
    public static PageToken issue(String scope, String cursor) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(cursor, "cursor");
        String text = VERSION + "." + fingerprint(scope) + "." + ENCODER.encodeToString(cursor.getBytes(StandardCharsets.UTF_8));
        return new PageToken(ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * For {@link ApprovalService} implementations: the provider's cursor inside this token.
     *
     * @param scope the listing asked for, as given to {@link #issue}
     * @return the provider's cursor
     * @throws IllegalArgumentException if the token was issued for another listing
     */
    public String cursorFor(String scope) {
        String[] parts = parts();
        if (!parts[1].equals(fingerprint(scope))) {
            throw new IllegalArgumentException("this page token was issued for another listing (another query, "
                    + "user or provider); start again from the first page");
        }
        return new String(DECODER.decode(parts[2]), StandardCharsets.UTF_8);
    }

    private String[] parts() {
        try {
            String text = new String(DECODER.decode(value), StandardCharsets.UTF_8);
            String[] parts = text.split("\\.", -1);
            if (parts.length != 3 || !parts[0].equals(VERSION)) {
                throw new IllegalArgumentException("unknown token layout");
            }
            DECODER.decode(parts[2]);
            return parts;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a page token issued by this library", e);
        }
    }

    /** A short digest, so the token names no query, user or provider in clear. */
    private static String fingerprint(String scope) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(scope.getBytes(StandardCharsets.UTF_8));
            return ENCODER.encodeToString(java.util.Arrays.copyOf(digest, 9));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "PageToken[" + value + "]";
    }
}
