package org.openapproval.adapter.support;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of query values by hand, for parameters Feign would otherwise pass through: Feign keeps
 * {@code %XX} triplets as they are (so {@code %31} arrives as {@code 1}) and reads braces as template
 * expressions. What this returns holds only unreserved characters and {@code %XX} triplets, which Feign
 * leaves alone, so the vendor decodes exactly the original value and no value can add a parameter.
 */
public final class QueryValues {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private QueryValues() {
    }

    /** Every byte of {@code value}'s UTF-8 except {@code A-Z a-z 0-9 - . _ ~} as {@code %XX}. */
    public static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean unreserved = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~';
            if (unreserved) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }
}
