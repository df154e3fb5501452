package org.openapproval.sandbox.nocoly;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.openapproval.sandbox.kit.LoopbackHttpServer.Reply;
import org.openapproval.sandbox.nocoly.Endpoint.Family;

/**
 * The two API families' response envelopes, rendered as HTTP 200 JSON replies: the V3 {@code success /
 * error_code / error_msg / data} and the organization API's {@code status / data / msg} (errors:
 * {@code status / code / msg}). Thread-safe.
 */
final class Envelopes {
    private final ObjectMapper json;

    Envelopes(ObjectMapper json) {
        this.json = Objects.requireNonNull(json, "json");
    }

    /**
     * V3 success: {@code success}, {@code error_code} 1, {@code error_msg}, {@code data}. UNVERIFIED:
     * {@code error_msg} on success (the sandbox sends "").
     */
    Reply ok(JsonNode data) {
        ObjectNode out = json.createObjectNode();
        out.put("success", true);
        out.put("error_code", ErrorCodes.SUCCESS);
        out.put("error_msg", "");
        out.set("data", data);
        return bare(out);
    }

    Reply orgOk(JsonNode data) {
        ObjectNode out = json.createObjectNode();
        out.put("status", ErrorCodes.ORG_STATUS_OK);
        out.set("data", data);
        out.put("msg", "成功");
        return bare(out);
    }

    /**
     * The family's error envelope, HTTP 200. V3: {@code success false}, {@code error_code}, {@code error_msg},
     * {@code data null} (UNVERIFIED: whether {@code data} is present on errors). Org: {@code status 0},
     * {@code code}, {@code msg}.
     */
    Reply error(Family family, int code, String message) {
        ObjectNode out = json.createObjectNode();
        if (family == Family.V3) {
            out.put("success", false);
            out.put("error_code", code);
            out.put("error_msg", message);
            out.putNull("data");
        } else {
            out.put("status", ErrorCodes.ORG_STATUS_FAILED);
            out.put("code", code);
            out.put("msg", message);
        }
        return bare(out);
    }

    /** A body without envelope (W3's bare outputs). */
    Reply bare(JsonNode body) {
        try {
            return Reply.json(json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a response", e);
        }
    }
}
