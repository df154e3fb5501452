package org.openapproval.adapter.support;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Instants as vendors really send them: Fxiaoke's docs type times as strings while its answers carry
 * epoch-millis numbers and {@code 0} for "not yet"; HAP sends ISO-8601. So numbers and numeric strings are
 * epoch millis, other strings ISO-8601, and 0 or blank is absent (null inside a DTO).
 */
final class LenientInstantDeserializer extends StdScalarDeserializer<Instant> {
    private static final long serialVersionUID = 1L;

    LenientInstantDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return fromMillis(p.getLongValue());
        }
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            return fromMillis((long) p.getDoubleValue());
        }
        if (token == JsonToken.VALUE_STRING) {
            String text = p.getText().trim();
            if (text.isEmpty()) {
                return null;
            }
            if (text.chars().allMatch(c -> c >= '0' && c <= '9')) {
                try {
                    return fromMillis(Long.parseLong(text));
                } catch (NumberFormatException e) {
                    return (Instant) ctxt.handleWeirdStringValue(Instant.class, text, "epoch millis out of range");
                }
            }
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, text, "not epoch millis or ISO-8601");
            }
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
    }

    private static Instant fromMillis(long millis) {
        return millis <= 0 ? null : Instant.ofEpochMilli(millis);
    }
}
