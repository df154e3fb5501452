package org.openapproval.sandbox.nocoly;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The organization-key signature (fact sheet §1.3, vendor repo {@code enterprise_signature}):
 * {@code Base64(utf8(lowerHex(SHA-256(utf8("AppKey=<k>&SecretKey=<s>&Timestamp=<t>")))))} — Base64 of the
 * 64-character hex text, not of the raw digest.
 */
final class OrgSignature {
    private OrgSignature() {
    }

    /** The sign for these values; {@code timestamp} is the text exactly as sent in the request. */
    static String sign(String appKey, String secretKey, String timestamp) {
        return base64OfHex("AppKey=" + appKey + "&SecretKey=" + secretKey + "&Timestamp=" + timestamp);
    }

    /** Constant-time comparison of a received sign with the expected one. */
    static boolean matches(String received, String appKey, String secretKey, String timestamp) {
        if (received == null) {
            return false;
        }
        byte[] expected = sign(appKey, secretKey, timestamp).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, received.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code Base64(lowerHex(SHA-256(text)))}: 88 characters encoding 64 lower-case hex digits. */
    static String base64OfHex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            String hex = HexFormat.of().formatHex(digest);
            return Base64.getEncoder().encodeToString(hex.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
