package org.openapproval.sharedstate.jcache;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Cache values as plain strings of Base64 fields, so a cluster stores them without this library's classes
 * on its members (only Bucket4j's budgets need its classes there).
 */
final class Fields {
    private Fields() {
    }

    static String join(String... fields) {
        StringBuilder out = new StringBuilder();
        for (String field : fields) {
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(Base64.getUrlEncoder().withoutPadding().encodeToString(field.getBytes(StandardCharsets.UTF_8)));
        }
        return out.toString();
    }

    static List<String> split(String joined) {
        return Arrays.stream(joined.split("\\.", -1))
                .map(f -> new String(Base64.getUrlDecoder().decode(f), StandardCharsets.UTF_8))
                .toList();
    }
}
