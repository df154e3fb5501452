package org.openapproval.adapter.nocoly.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The organization-key signature: {@code Base64(lowercase-hex(SHA-256("AppKey=…&SecretKey=…&Timestamp=…")))}
 * — Base64 of the hex text, not of the raw digest (fact sheet §1.3, vendor repo enterprise_signature).
 */
public final class OrgSignature {
    private OrgSignature() {
    }

    public static String sign(String appKey, String secretKey, long timestampMillis) {
        String text = "AppKey=" + appKey + "&SecretKey=" + secretKey + "&Timestamp=" + timestampMillis;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            String hex = HexFormat.of().formatHex(digest);
            return Base64.getEncoder().encodeToString(hex.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
