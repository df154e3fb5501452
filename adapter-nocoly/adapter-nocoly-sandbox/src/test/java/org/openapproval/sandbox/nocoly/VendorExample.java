package org.openapproval.sandbox.nocoly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The key lists of the vendor's W5 example response ({@code seed-nocoly-approval-execution-detail.txt}),
 * copied here in the example's order, plus — when the vendor page is on disk — the example itself, so
 * the sandbox's shape can be compared with the page key by key.
 */
final class VendorExample {
    static final List<String> DETAIL_KEYS = List.of("companyId", "works", "currentWork", "currentWorkItem",
            "operationTypeList", "operationUserRange", "opinionTemplate", "title", "ownerAccount", "createAccount",
            "createDate", "processName", "processId", "parentId", "isApproval", "flowNode", "backFlowNodes",
            "callBackNodeType", "app", "instanceType", "btnMap", "status", "currentWorkIds", "signOperationType",
            "allowTaskRevokeBackNodeId", "printList", "disabledPrint", "recordTitle");

    static final List<String> WORK_KEYS = List.of("instanceId", "workId", "workItems", "flowNode", "app",
            "countersign", "countersignType", "signType", "condition", "multipleLevelType", "multipleLevel", "sort",
            "assigned", "allowUrge", "urgeTime", "debugEventDump", "allowTaskRevokeBackNodeId", "explain",
            "explainMap");

    static final List<String> WORK_ITEM_KEYS = List.of("workId", "workItemId", "type", "workItemAccount",
            "receiveTime", "viewTime", "operationType", "operationTime", "dueTime", "executeTime", "updateTime",
            "workItemLog", "countersign", "countersignComplete", "opinion", "opinionType", "signature", "logIds",
            "principal", "administrator", "fileIds", "files");

    static final List<String> ACCOUNT_KEYS = List.of("accountId", "fullName", "avatar", "status", "isOwner",
            "fullname");

    static final List<String> START_FLOW_NODE_KEYS = List.of("name", "appId", "appType", "selectNodeId",
            "selectNodeObj", "formulaMap", "id", "type", "triggerId", "triggerField", "triggerFields", "child",
            "batchType", "passBatchType", "overruleBatchType", "auth", "encrypt", "callBackType", "nextId", "flowIds",
            "flows");

    static final List<String> APPROVAL_FLOW_NODE_KEYS = List.of("name", "appId", "appType", "selectNodeId",
            "selectNodeObj", "formulaMap", "id", "type", "triggerField", "triggerFields", "formProperties", "child",
            "batchType", "passBatchType", "overruleBatchType", "auth", "encrypt", "callBackType", "nextId", "flowIds",
            "flows");

    static final List<String> WORK_ITEM_LOG_KEYS = List.of("content", "createDate", "action", "actionTarget",
            "actionTargetName", "fields");

    /** The vendor page's W5 response example, kept verbatim as a test resource (the sandbox never reads it). */
    private static final String EXAMPLE = "/nocoly/w5-approval-execution-detail.json";

    private VendorExample() {
    }

    /** The example response of the vendor page ({@code {"success": true, "data": {...}}}). */
    static Optional<JsonNode> page() {
        try (InputStream in = VendorExample.class.getResourceAsStream(EXAMPLE)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + EXAMPLE + " is missing");
            }
            return Optional.of(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> keys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
