package org.openapproval.sandbox.nocoly;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;

/**
 * Reads request bodies and their fields with the vendor's leniency (numbers as strings) and its codes:
 * missing → 10001, malformed value → 10002, thrown as {@link VendorError}. Thread-safe.
 */
final class RequestBodies {
    private final ObjectMapper json;

    RequestBodies(ObjectMapper json) {
        this.json = Objects.requireNonNull(json, "json");
    }

    /**
     * A JSON object body. {@code blankIsEmpty}: a blank body counts as {@code {}} (V3 W3/W4, lenient);
     * otherwise it is a missing parameter (10001). Not JSON or not an object → 10001.
     */
    JsonNode parse(String body, boolean blankIsEmpty) {
        if (body.isBlank()) {
            if (blankIsEmpty) {
                return json.createObjectNode();
            }
            throw VendorError.missing("the request body is empty");
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw VendorError.missing("the request body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw VendorError.missing("the request body must be a JSON object");
        }
        return node;
    }

    /** An int given as a JSON integer or a numeric string; absent/null → default; anything else → 10002. */
    static int intField(JsonNode body, String field, int defaultValue) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return defaultValue;
        }
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            return v.intValue();
        }
        if (v.isTextual()) {
            try {
                return Integer.parseInt(v.asText().trim());
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        throw VendorError.badValue(field + " must be an integer, not " + v);
    }

    /** A required string field of one {@code selects[]} entry of the org batch call. */
    static String selectField(JsonNode select, String field) {
        JsonNode v = select == null ? null : select.get(field);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
            throw VendorError.missing("selects[]." + field + " is required");
        }
        if (!v.isTextual()) {
            throw VendorError.badValue("selects[]." + field + " must be a string");
        }
        return v.asText();
    }

    static void checkPaging(int pageIndex, int pageSize) {
        if (pageIndex < 1 || pageSize < 1) {
            throw VendorError.badValue("pageIndex and pageSize must be at least 1");
        }
    }
}
