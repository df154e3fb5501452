package org.openapproval.adapter.support;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Names the credentials a token is valid for, as a SHA-256 digest of everything that makes it valid (auth
 * mode, endpoint, app id, secrets), so a store can be keyed by credentials without holding a secret in clear.
 *
 * @param digest lowercase hex SHA-256
 */
public record TokenKey(String digest) {
    public TokenKey {
        Objects.requireNonNull(digest, "digest");
        if (!digest.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a hex SHA-256 digest");
        }
    }

    /** The key of these parts, in order; each is length-prefixed, so no two lists of parts share a key. */
    public static TokenKey of(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                byte[] bytes = Objects.requireNonNull(part, "part").getBytes(StandardCharsets.UTF_8);
                sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
                sha.update(bytes);
            }
            return new TokenKey(HexFormat.of().formatHex(sha.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** A short prefix only: enough to tell keys apart in a log. */
    @Override
    public String toString() {
        return "TokenKey[" + digest.substring(0, 12) + "…]";
    }
}
