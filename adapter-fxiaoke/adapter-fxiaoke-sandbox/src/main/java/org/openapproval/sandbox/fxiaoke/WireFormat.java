package org.openapproval.sandbox.fxiaoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openapproval.sandbox.fxiaoke.ApprovalStore.InstanceView;
import org.openapproval.sandbox.fxiaoke.ApprovalStore.Opinion;
import org.openapproval.sandbox.fxiaoke.ApprovalStore.TaskView;

/**
 * The vendor's JSON, both ways: renders instances and tasks with the documented field names, and reads
 * request fields with the leniency the fact sheet calls for (numbers sent as strings and the like).
 * Request helpers throw {@link VendorError} 32000 ("parameter error") on anything missing or malformed.
 */
final class WireFormat {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private WireFormat() {
    }

    // ------------------------------------------------------------------ rendering

    /** The instance object of {@code object/approvalInstances/query}, {@code approvalInstances/query} and get. */
    static ObjectNode instance(InstanceView i) {
        ObjectNode n = NODES.objectNode();
        n.put("instanceId", i.instanceId());
        n.put("instanceName", i.instanceName());
        n.put("dataId", i.dataId());
        n.put("triggerType", i.triggerType());
        n.put("state", i.state().wire);
        n.put("createTime", i.createTime());
        n.put("lastModifyTime", i.lastModifyTime());
        n.put("endTime", i.endTime()); // null while running; dropped unless includeNull
        n.put("flowApiName", i.flowApiName());
        n.put("applicantOpenUserId", i.applicantOpenUserId());
        // UNVERIFIED: cancelTime is documented as String but the examples show the number 0; the sandbox
        // answers epoch ms once cancelled and 0 before, as in the examples.
        n.put("cancelTime", i.cancelTime() == null ? 0L : i.cancelTime());
        n.put("objectApiName", i.objectApiName());
        return n;
    }

    /**
     * A task of {@code approvalInstance/get}. UNVERIFIED: the doc table names the type field "tasks" (a
     * typo) and a third-party SDK uses other person-list names; the sandbox uses the brief's choice of
     * {@code type}, {@code unCompletePersons} and {@code completeOpenPersons}.
     */
    static ObjectNode task(TaskView t) {
        ObjectNode n = NODES.objectNode();
        n.put("id", t.id());
        n.put("type", t.type().wire);
        n.put("state", t.state().wire);
        n.put("flowApiName", t.flowApiName());
        n.put("createTime", t.createTime());
        n.put("modifyTime", t.modifyTime());
        n.put("endTime", t.endTime());
        ArrayNode opinions = n.putArray("opinions");
        for (Opinion o : t.opinions()) {
            ObjectNode on = opinions.addObject();
            on.put("actionType", o.actionType());
            on.put("opinion", o.opinion());
            on.put("replyTime", o.replyTime());
            on.put("openUserId", o.openUserId());
        }
        strings(n.putArray("unCompletePersons"), t.unCompletePersons());
        strings(n.putArray("completeOpenPersons"), t.completeOpenPersons());
        return n;
    }

    /**
     * An {@code ApprovalTaskObj} record of {@code v2/data/query}. UNVERIFIED: that {@code _id} equals the
     * task id of {@code approvalInstance/get} is assumed (the sandbox makes them the same).
     */
    static ObjectNode taskRecord(TaskView t) {
        ObjectNode n = NODES.objectNode();
        n.put("_id", t.id());
        n.put("state", t.state().wire);
        n.put("workflow_instance_id", t.instanceId());
        n.put("workflow_id", t.flowApiName());
        n.put("activity_id", t.activityId());
        strings(n.putArray("candidate_ids"), t.candidateIds());
        n.put("create_time", t.createTime());
        n.put("last_modify_time", t.modifyTime());
        return n;
    }

    /** Drops null-valued fields at any depth: what the vendor does unless {@code includeNull} is true. */
    static JsonNode withoutNulls(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> nullFields = new ArrayList<>();
            object.properties().forEach(e -> {
                if (e.getValue().isNull()) {
                    nullFields.add(e.getKey());
                } else {
                    withoutNulls(e.getValue());
                }
            });
            object.remove(nullFields);
        } else if (node.isArray()) {
            node.forEach(WireFormat::withoutNulls);
        }
        return node;
    }

    private static void strings(ArrayNode target, List<String> values) {
        values.forEach(target::add);
    }

    // ------------------------------------------------------------------ reading requests

    /** A required, non-blank scalar field read as text. */
    static String requireText(JsonNode body, String field) {
        return optionalText(body, field).orElseThrow(() -> VendorError.parameter(field + " is required"));
    }

    static Optional<String> optionalText(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isValueNode()) {
            throw VendorError.parameter(field + " must be a string");
        }
        String text = v.asText();
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    static ObjectNode requireObject(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            throw VendorError.parameter(field + " is required");
        }
        if (!v.isObject()) {
            throw VendorError.parameter(field + " must be an object");
        }
        return (ObjectNode) v;
    }

    /** A long given as a JSON number or as a numeric string (the docs say String, every example sends numbers). */
    static Optional<Long> optionalLong(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return Optional.of(v.asLong());
        }
        if (v.isTextual()) {
            try {
                return Optional.of(Long.parseLong(v.asText().trim()));
            } catch (NumberFormatException e) {
                throw VendorError.parameter(field + " must be a number, not '" + v.asText() + "'");
            }
        }
        throw VendorError.parameter(field + " must be a number");
    }

    static long requireLong(JsonNode body, String field) {
        return optionalLong(body, field).orElseThrow(() -> VendorError.parameter(field + " is required"));
    }

    static int optionalInt(JsonNode body, String field, int defaultValue) {
        long v = optionalLong(body, field).orElse((long) defaultValue);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw VendorError.parameter(field + " is out of range");
        }
        return (int) v;
    }

    /** A boolean given as JSON boolean or as the string "true"/"false" (documented String, example boolean). */
    static Optional<Boolean> optionalBoolean(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (v.isBoolean()) {
            return Optional.of(v.booleanValue());
        }
        if (v.isTextual() && (v.asText().equalsIgnoreCase("true") || v.asText().equalsIgnoreCase("false"))) {
            return Optional.of(Boolean.parseBoolean(v.asText()));
        }
        throw VendorError.parameter(field + " must be true or false");
    }
}
