package org.openapproval.adapter.support;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import feign.Response;
import feign.Util;
import feign.codec.Decoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSON answers parsed from their bytes with one {@link ObjectReader} per answer type, built on first use.
 * Feign's {@code JacksonDecoder} decodes the bytes to characters first (an {@code InputStreamReader} and its
 * buffers per answer) and looks the type up in the mapper every time; the answers are UTF-8, which Jackson
 * reads from bytes directly. A body declared in another charset still goes through a reader. As Feign's
 * decoder: 204 and 404 are the type's empty value, an empty body is null.
 */
final class JsonBytesDecoder implements Decoder {
    private final ObjectMapper json;
    private final Map<Type, ObjectReader> readers = new ConcurrentHashMap<>();

    JsonBytesDecoder(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Object decode(Response response, Type type) throws IOException {
        if (response.status() == 404 || response.status() == 204) {
            return Util.emptyValueOf(type);
        }
        Response.Body body = response.body();
        if (body == null) {
            return null;
        }
        ObjectReader reader = readers.computeIfAbsent(type, t -> json.readerFor(json.constructType(t)));
        try {
            if (StandardCharsets.UTF_8.equals(response.charset())) {
                try (InputStream in = body.asInputStream(); JsonParser parser = reader.createParser(in)) {
                    return parser.nextToken() == null ? null : reader.readValue(parser);
                }
            }
            try (Reader in = body.asReader(response.charset()); JsonParser parser = reader.createParser(in)) {
                return parser.nextToken() == null ? null : reader.readValue(parser);
            }
        } catch (RuntimeJsonMappingException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
    }
}
