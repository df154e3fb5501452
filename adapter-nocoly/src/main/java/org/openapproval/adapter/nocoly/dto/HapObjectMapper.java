package org.openapproval.adapter.nocoly.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The one Jackson mapper of this adapter: lenient to unknown fields and to the vendor's mixed time formats. */
public final class HapObjectMapper {
    private HapObjectMapper() {
    }

    public static ObjectMapper create() {
        SimpleModule times = new SimpleModule("hap-times");
        times.addDeserializer(Instant.class, new FlexibleInstantDeserializer());
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .addModule(times)
                .build();
    }

    /**
     * Approval payloads carry ISO-8601 instants ({@code 2026-03-20T14:25:38.000Z}); numbers and numeric
     * strings are read as epoch millis for leniency. Blank or 0 is absent.
     */
    static final class FlexibleInstantDeserializer extends StdScalarDeserializer<Instant> {
        private static final long serialVersionUID = 1L;

        FlexibleInstantDeserializer() {
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
                if (text.chars().allMatch(Character::isDigit)) {
                    return fromMillis(Long.parseLong(text));
                }
                try {
                    return Instant.parse(text);
                } catch (DateTimeParseException e) {
                    return (Instant) ctxt.handleWeirdStringValue(Instant.class, text,
                            "not epoch millis or ISO-8601");
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
}
