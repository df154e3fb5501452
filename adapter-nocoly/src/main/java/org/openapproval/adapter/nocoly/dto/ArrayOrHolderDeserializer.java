package org.openapproval.adapter.nocoly.dto;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A list field whose shape HAP leaves unverified: the array itself, or an object holding it under one of a
 * few list-like names (the first name in the given order that holds an array wins; other fields are skipped).
 * Read straight from the parser into the element records, never through a tree. Null entries are dropped;
 * anything else (null, a number, an object without such an array) is the empty list. A subclass per field
 * names the element type and the names, for {@code @JsonDeserialize(using = ...)}.
 */
abstract class ArrayOrHolderDeserializer<T> extends StdDeserializer<List<T>> {
    private static final long serialVersionUID = 1L;
    private final Class<T> elementType;
    private final List<String> names;

    ArrayOrHolderDeserializer(Class<T> elementType, String... names) {
        super(List.class);
        this.elementType = elementType;
        this.names = List.of(names);
    }

    @Override
    public List<T> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonDeserializer<Object> elements = ctxt.findRootValueDeserializer(ctxt.constructType(elementType));
        JsonToken token = p.currentToken();
        if (token == JsonToken.START_ARRAY) {
            return array(p, ctxt, elements);
        }
        if (token != JsonToken.START_OBJECT) {
            p.skipChildren();
            return List.of();
        }
        Map<String, List<T>> held = new java.util.HashMap<>(2);
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            if (p.nextToken() == JsonToken.START_ARRAY && names.contains(field)) {
                held.put(field, array(p, ctxt, elements));
            } else {
                p.skipChildren();
            }
        }
        for (String name : names) {
            List<T> list = held.get(name);
            if (list != null) {
                return list;
            }
        }
        return List.of();
    }

    private List<T> array(JsonParser p, DeserializationContext ctxt, JsonDeserializer<Object> elements)
            throws IOException {
        List<T> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.VALUE_NULL) {
                out.add(elementType.cast(elements.deserialize(p, ctxt)));
            }
        }
        return out;
    }

    @Override
    public List<T> getNullValue(DeserializationContext ctxt) {
        return List.of();
    }

    @Override
    public Object getAbsentValue(DeserializationContext ctxt) {
        return List.of();
    }
}
