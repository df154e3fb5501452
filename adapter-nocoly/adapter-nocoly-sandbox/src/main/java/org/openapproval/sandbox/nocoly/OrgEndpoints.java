package org.openapproval.sandbox.nocoly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.openapproval.sandbox.kit.LoopbackHttpServer.Reply;
import org.openapproval.sandbox.nocoly.WorkflowStore.Select;

/**
 * The organization API, batch approval and to-do list, once the acting account is authenticated: reads
 * the body, asks the store, wraps the answer in the org envelope. Errors are thrown as {@link VendorError}.
 */
final class OrgEndpoints {
    private final WorkflowStore store;
    private final RequestBodies bodies;
    private final Envelopes envelopes;

    OrgEndpoints(WorkflowStore store, RequestBodies bodies, Envelopes envelopes) {
        this.store = Objects.requireNonNull(store, "store");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
        this.envelopes = Objects.requireNonNull(envelopes, "envelopes");
    }

    Reply handle(Endpoint ep, String accountId, String body, Instant now) {
        JsonNode request = bodies.parse(body, false);
        return switch (ep) {
            case ORG_BATCH -> batch(accountId, request, now);
            case ORG_TODO_LIST -> todoList(accountId, request);
            default -> throw new IllegalStateException("not an organization endpoint: " + ep);
        };
    }

    private Reply batch(String accountId, JsonNode body, Instant now) {
        if (!body.hasNonNull("batchOperationType")) {
            throw VendorError.missing("batchOperationType is required");
        }
        int operation = RequestBodies.intField(body, "batchOperationType", 0);
        JsonNode selects = body.get("selects");
        if (selects == null || selects.isNull() || (selects.isArray() && selects.isEmpty())) {
            throw VendorError.missing("selects is required");
        }
        if (!selects.isArray()) {
            throw VendorError.badValue("selects must be an array of {id, workId}");
        }
        List<Select> parsed = new ArrayList<>();
        for (JsonNode s : selects) {
            parsed.add(new Select(RequestBodies.selectField(s, "id"), RequestBodies.selectField(s, "workId")));
        }
        JsonNode opinion = body.get("opinion");
        if (opinion != null && !opinion.isNull() && !opinion.isTextual()) {
            throw VendorError.badValue("opinion must be a string");
        }
        store.batch(accountId, operation, parsed, opinion == null || opinion.isNull() ? null : opinion.asText(), now);
        return envelopes.orgOk(BooleanNode.TRUE);
    }

    private Reply todoList(String accountId, JsonNode body) {
        // UNVERIFIED: a missing type means -1 (every pending fill-in or approval item); default page size 20.
        int type = RequestBodies.intField(body, "type", Vocabulary.TODO_FILL_AND_APPROVE);
        int pageIndex = RequestBodies.intField(body, "pageIndex", 1);
        int pageSize = RequestBodies.intField(body, "pageSize", 20);
        RequestBodies.checkPaging(pageIndex, pageSize);
        return envelopes.orgOk(store.todoList(accountId, type, pageIndex, pageSize));
    }
}
