package org.openapproval.sandbox.nocoly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.openapproval.sandbox.kit.LoopbackHttpServer.Reply;

/**
 * The V3 application API, W1–W5, once the caller is authenticated: reads the path parameters and body,
 * asks the store, wraps the answer in the V3 envelope. Errors are thrown as {@link VendorError}.
 */
final class AppEndpoints {
    private final WorkflowStore store;
    private final RequestBodies bodies;
    private final Envelopes envelopes;
    private volatile boolean bareHookOutputs;

    AppEndpoints(WorkflowStore store, RequestBodies bodies, Envelopes envelopes) {
        this.store = Objects.requireNonNull(store, "store");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
        this.envelopes = Objects.requireNonNull(envelopes, "envelopes");
    }

    /** See {@link NocolySandbox#answerHooksWithBareOutputs(boolean)}. */
    void answerHooksWithBareOutputs(boolean bare) {
        bareHookOutputs = bare;
    }

    Reply handle(Endpoint ep, List<String> params, String body, Instant now) {
        switch (ep) {
            case W1_PROCESSES:
                return envelopes.ok(store.processList());
            case W2_PROCESS:
                return envelopes.ok(store.processDetail(existing(params.get(0), "process")));
            case W3_HOOK: {
                String processId = existing(params.get(0), "process");
                JsonNode inputs = bodies.parse(body, true);
                ObjectNode outputs = store.trigger(processId, inputs, now);
                // UNVERIFIED: which of the two documented shapes is current; see answerHooksWithBareOutputs.
                return bareHookOutputs ? envelopes.bare(outputs) : envelopes.ok(outputs);
            }
            case W4_APPROVAL_LIST: {
                JsonNode paging = bodies.parse(body, true);
                boolean paged = paging.has("pageIndex") || paging.has("pageSize");
                int pageIndex = paged ? RequestBodies.intField(paging, "pageIndex", 1) : 1;
                int pageSize = paged ? RequestBodies.intField(paging, "pageSize", 20) : Integer.MAX_VALUE;
                RequestBodies.checkPaging(pageIndex, pageSize);
                return envelopes.ok(store.instancesOf(existing(params.get(0), "worksheet"),
                        params.get(1) == null ? "" : params.get(1), pageIndex, pageSize));
            }
            case W5_APPROVAL:
                return envelopes.ok(store.detail(existing(params.get(0), "worksheet"),
                        existing(params.get(1), "row"), existing(params.get(2), "approval")));
            default:
                throw new IllegalStateException("not a V3 endpoint: " + ep);
        }
    }

    /** A decoded path parameter that can name something: not null (malformed), not blank, without '/'. */
    private static String existing(String param, String what) {
        if (param == null || param.isBlank() || param.indexOf('/') >= 0) {
            throw VendorError.notFound(what + " " + (param == null ? "(malformed)" : param) + " does not exist");
        }
        return param;
    }
}
