package org.openapproval.sandbox.nocoly;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.openapproval.sandbox.nocoly.Model.Account;
import org.openapproval.sandbox.nocoly.Model.Input;
import org.openapproval.sandbox.nocoly.Model.Instance;
import org.openapproval.sandbox.nocoly.Model.Node;
import org.openapproval.sandbox.nocoly.Model.Process;
import org.openapproval.sandbox.nocoly.Model.Work;
import org.openapproval.sandbox.nocoly.Model.WorkItem;

/**
 * The vendor's JSON: W1/W2 process objects (fact sheet §4.2/§4.3), the W4 execution summary, the W5
 * execution detail in exactly the shape and field order of the vendor's example page
 * ({@code seed-nocoly-approval-execution-detail.txt}), and the org to-do item. Called by the store under
 * its lock.
 */
final class WireFormat {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** ISO-8601 UTC with milliseconds, as in the W5 example ({@code 2026-03-20T14:25:38.000Z}). */
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** The tenant (W5 {@code companyId}); a UUID like the example's. */
    static final String COMPANY_ID = "5b0c7f2e-3a94-4d61-8e2f-1c7a9b3d6e40";
    /** The application (HAP app ids are UUIDs). */
    static final String APP_ID = "0f3e6a8c-2b71-4d95-a4c8-7e1d2f9b5a63";
    static final String APP_NAME = "OpenApproval Sandbox";
    /** The app owner shown as W1 {@code _owner}. */
    static final Account APP_OWNER = new Account("9a6d2c41-8e3b-4f70-b5d1-2c8e7a4f9b06", "Sandbox Admin");
    static final String AVATAR = "https://dn-mdpic.mingdao.com/UserAvatar/default9.png";

    private final DateTimeFormatter local;

    /**
     * @param zone the zone of W1's {@code "yyyy-MM-dd HH:mm:ss"} times. UNVERIFIED: the vendor's zone for these
     *             (probably the server's, China time on the SaaS) is unknown; the sandbox uses its clock's zone.
     */
    WireFormat(ZoneId zone) {
        this.local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
    }

    /**
     * ISO time of an instant. UNVERIFIED: the example's milliseconds are all {@code .000}; the sandbox keeps
     * second precision like that.
     */
    static String iso(Instant t) {
        return t == null ? null : ISO.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    // ------------------------------------------------------------------ W1 / W2

    /** UNVERIFIED: W1 {@code status} meaning (example: 0); the sandbox answers 1 for a usable process. */
    ObjectNode processSummary(Process p) {
        ObjectNode n = NODES.objectNode();
        n.put("id", p.id);
        n.put("name", p.name);
        n.put("alias", "");
        n.put("type", Vocabulary.PROCESS_TYPE_PBP);
        n.put("description", "");
        n.put("status", 1);
        n.put("_createdAt", local.format(p.createdAt));
        n.put("_updatedAt", local.format(p.updatedAt));
        ObjectNode owner = n.putObject("_owner");
        owner.put("accountId", APP_OWNER.accountId());
        owner.put("fullname", APP_OWNER.fullName());
        owner.put("avatar", AVATAR);
        owner.put("status", 1);
        return n;
    }

    ObjectNode processDetail(Process p) {
        ObjectNode n = NODES.objectNode();
        n.put("id", p.id);
        n.put("name", p.name);
        n.put("description", "");
        ArrayNode inputs = n.putArray("inputParameters");
        for (Input in : p.inputs) {
            ObjectNode i = inputs.addObject();
            i.put("id", in.id());
            i.put("name", in.name());
            i.put("alias", in.alias());
            i.put("type", in.type());
            i.put("description", in.description());
            i.put("required", in.required());
        }
        n.putArray("outputParameters");
        return n;
    }

    // ------------------------------------------------------------------ W4

    /** UNVERIFIED: the whole W4 item shape (the vendor page's response was not retrievable). */
    ObjectNode executionSummary(Instance i) {
        ObjectNode n = NODES.objectNode();
        n.put("id", i.id);
        n.put("processId", i.process.id);
        n.put("processName", i.process.name);
        n.put("status", i.status);
        n.put("title", i.row.title);
        n.put("createDate", iso(i.createDate));
        n.put("completeDate", iso(i.completeDate));
        ObjectNode creator = n.putObject("createAccount");
        creator.put("accountId", i.initiator.accountId());
        creator.put("fullName", i.initiator.fullName());
        strings(n.putArray("currentWorkIds"), i.currentWorkIds());
        return n;
    }

    // ------------------------------------------------------------------ W5

    /** The W5 {@code data} object, key for key in the order of the vendor's example. */
    ObjectNode executionDetail(Instance i, WorkItem currentItem) {
        ObjectNode n = NODES.objectNode();
        n.put("companyId", COMPANY_ID);
        ArrayNode works = n.putArray("works");
        i.works.forEach(w -> works.add(work(w)));
        // UNVERIFIED: the example has currentWork null while currentWorkIds is set; the sandbox keeps it null.
        n.putNull("currentWork");
        n.set("currentWorkItem", currentItem == null ? NODES.nullNode() : workItem(currentItem, true));
        ArrayNode operations = n.putArray("operationTypeList");
        // UNVERIFIED: the available operations per pending item (example [[4,5,12]] = pass, overrule, print).
        if (currentItem != null) {
            ArrayNode ops = operations.addArray();
            if (currentItem.type() == Vocabulary.NODE_APPROVE) {
                ops.add(4).add(5).add(12);
            } else {
                ops.add(9).add(12);
            }
        }
        n.putObject("operationUserRange");
        ObjectNode template = n.putObject("opinionTemplate");
        template.put("inputType", 1);
        template.putObject("opinions");
        n.put("title", i.row.title);
        // UNVERIFIED: the record owner is taken to be the initiator (isOwner true/false as in the example).
        n.set("ownerAccount", account(i.initiator, Boolean.TRUE));
        n.set("createAccount", account(i.initiator, Boolean.FALSE));
        n.put("createDate", iso(i.createDate));
        n.put("processName", i.process.name);
        n.put("processId", i.process.id);
        // UNVERIFIED: parentId's meaning is unknown; the sandbox gives each process a fixed second id.
        n.put("parentId", i.process.parentId);
        n.put("isApproval", true);
        n.set("flowNode", currentItem == null ? NODES.nullNode() : currentFlowNode(currentItem.work.node));
        n.putArray("backFlowNodes");
        n.putNull("callBackNodeType");
        ObjectNode app = n.putObject("app");
        app.put("id", APP_ID);
        app.put("name", APP_NAME);
        app.put("describe", "");
        app.put("icon", "");
        app.put("iconColor", "");
        app.put("iconUrl", "");
        n.put("instanceType", 1);
        n.putNull("btnMap");
        n.put("status", i.status);
        strings(n.putArray("currentWorkIds"), i.currentWorkIds());
        n.putNull("signOperationType");
        n.putNull("allowTaskRevokeBackNodeId");
        n.putArray("printList");
        n.put("disabledPrint", false);
        n.putNull("recordTitle");
        return n;
    }

    private ObjectNode work(Work w) {
        ObjectNode n = NODES.objectNode();
        n.put("instanceId", w.instance.id);
        n.put("workId", w.id);
        ArrayNode items = n.putArray("workItems");
        w.items.forEach(item -> items.add(workItem(item, false)));
        n.set("flowNode", workFlowNode(w.node));
        ObjectNode app = n.putObject("app");
        app.put("iconColor", "");
        app.put("iconName", "");
        app.putNull("id");
        app.put("name", "");
        app.put("entityName", "");
        app.putNull("describe");
        app.putNull("chargeId");
        app.put("type", 0);
        app.put("otherApkName", "");
        app.put("otherApkId", "");
        // The example: null on the start node, false on a single-approver node.
        // UNVERIFIED: true on a countersign node (countersignType 1 or 2).
        if (w.node.type == Vocabulary.NODE_START) {
            n.putNull("countersign");
        } else {
            n.put("countersign", w.node.countersignType != null);
        }
        if (w.node.countersignType == null) {
            n.putNull("countersignType");
        } else {
            n.put("countersignType", w.node.countersignType);
        }
        n.putNull("signType");
        n.putNull("condition");
        n.put("multipleLevelType", 0);
        n.put("multipleLevel", -1);
        // UNVERIFIED: both works of the example have sort 1, so sort is not a step index; the sandbox copies 1.
        n.put("sort", 1);
        n.put("assigned", true);
        n.put("allowUrge", false);
        n.putNull("urgeTime");
        n.putNull("debugEventDump");
        n.putNull("allowTaskRevokeBackNodeId");
        n.putNull("explain");
        n.putNull("explainMap");
        return n;
    }

    /**
     * A work item. {@code asCurrent}: rendered as W5 {@code currentWorkItem}, where the example has
     * {@code countersign}/{@code countersignComplete} false instead of null.
     */
    private ObjectNode workItem(WorkItem item, boolean asCurrent) {
        ObjectNode n = NODES.objectNode();
        n.put("workId", item.work.id);
        n.put("workItemId", item.id);
        n.put("type", item.type());
        n.set("workItemAccount", account(item.account, null));
        n.put("receiveTime", iso(item.receiveTime));
        n.putNull("viewTime"); // views are not simulated
        n.put("operationType", item.operationType);
        n.put("operationTime", iso(item.operationTime));
        n.putNull("dueTime");
        n.putNull("executeTime");
        n.putNull("updateTime");
        if (item.logAction == null) {
            n.putNull("workItemLog");
        } else {
            // UNVERIFIED: the log of a decided item carries its action (4 pass, 5 overrule, 1 submit).
            ObjectNode log = n.putObject("workItemLog");
            log.putNull("content");
            log.put("createDate", iso(item.logDate));
            log.put("action", item.logAction);
            log.putNull("actionTarget");
            log.putNull("actionTargetName");
            log.putNull("fields");
        }
        if (asCurrent) {
            n.put("countersign", false);
            n.put("countersignComplete", false);
        } else {
            n.putNull("countersign");
            n.putNull("countersignComplete");
        }
        n.put("opinion", item.opinion);
        n.putNull("opinionType");
        n.putNull("signature");
        n.putNull("logIds");
        n.putNull("principal");
        n.putNull("administrator");
        n.putNull("fileIds");
        n.putNull("files");
        return n;
    }

    /** {@code works[].flowNode}: the start node has {@code triggerId}, other nodes {@code formProperties}. */
    private static ObjectNode workFlowNode(Node node) {
        boolean start = node.type == Vocabulary.NODE_START;
        ObjectNode n = NODES.objectNode();
        n.put("name", node.name);
        n.put("appId", "");
        n.put("appType", 9);
        n.put("selectNodeId", "");
        n.set("selectNodeObj", selectNodeObj());
        n.putObject("formulaMap");
        n.put("id", node.id);
        n.put("type", node.type);
        if (start) {
            n.put("triggerId", node.triggerId);
        }
        n.put("triggerField", "");
        n.putArray("triggerFields");
        if (!start) {
            n.putArray("formProperties");
        }
        n.put("child", false);
        n.put("batchType", -1);
        n.put("passBatchType", -1);
        n.put("overruleBatchType", -1);
        n.set("auth", auth());
        n.put("encrypt", false);
        n.put("callBackType", -1);
        n.put("nextId", "");
        n.putArray("flowIds");
        n.putArray("flows");
        return n;
    }

    /**
     * Top-level W5 {@code flowNode}: the node of {@code currentWorkItem}. UNVERIFIED: the example's values are
     * placeholders (type -1, id "node_1"); the sandbox gives the node's real id and type, and null once the
     * instance has ended.
     */
    private static ObjectNode currentFlowNode(Node node) {
        ObjectNode n = NODES.objectNode();
        n.put("name", node.name);
        n.put("desc", "");
        n.put("alias", "");
        n.put("appId", "");
        n.put("appType", 1);
        n.put("selectNodeId", "");
        n.set("selectNodeObj", selectNodeObj());
        n.putObject("formulaMap");
        n.put("id", node.id);
        n.put("type", node.type);
        n.put("isCallBack", false);
        n.put("signatureType", 0);
        n.put("allowTransfer", false);
        n.put("allowForward", false);
        n.put("allowSign", false);
        n.set("auth", auth());
        n.put("encrypt", false);
        n.put("allowUploadAttachment", true);
        n.put("ignoreRequired", false);
        return n;
    }

    private static ObjectNode selectNodeObj() {
        ObjectNode n = NODES.objectNode();
        n.put("nodeId", "");
        n.put("nodeName", "");
        n.put("appId", "");
        n.put("appName", "");
        n.put("appType", -1);
        n.put("appTypeName", "");
        n.put("nodeTypeId", -1);
        n.put("countersign", false);
        n.put("actionId", "");
        return n;
    }

    private static ObjectNode auth() {
        ObjectNode n = NODES.objectNode();
        n.putArray("passTypeList");
        n.putArray("overruleTypeList");
        return n;
    }

    /** An account object of W5: {@code fullName} and {@code fullname} both, as in the example. */
    private static ObjectNode account(Account a, Boolean isOwner) {
        ObjectNode n = NODES.objectNode();
        n.put("accountId", a.accountId());
        n.put("fullName", a.fullName());
        n.put("avatar", AVATAR);
        n.put("status", 1);
        if (isOwner == null) {
            n.putNull("isOwner");
        } else {
            n.put("isOwner", isOwner);
        }
        n.put("fullname", a.fullName());
        return n;
    }

    // ------------------------------------------------------------------ org to-do

    /**
     * One {@code getTodoList} item. UNVERIFIED: {@code worksheetId} and {@code rowId} are not documented for
     * to-do items (the sandbox adds them so a client can find W5); timestamps use the W5 ISO form.
     */
    ObjectNode todo(WorkItem item) {
        Instance i = item.work.instance;
        ObjectNode n = NODES.objectNode();
        n.put("id", i.id);
        n.put("workId", item.work.id);
        n.put("title", i.row.title);
        n.put("status", i.status);
        n.put("processName", i.process.name);
        ObjectNode process = n.putObject("process");
        process.put("id", i.process.id);
        process.put("name", i.process.name);
        ObjectNode app = n.putObject("app");
        app.put("id", APP_ID);
        app.put("name", APP_NAME);
        ObjectNode creator = n.putObject("createAccount");
        creator.put("accountId", i.initiator.accountId());
        creator.put("fullName", i.initiator.fullName());
        n.put("createDate", iso(i.createDate));
        ObjectNode flowNode = n.putObject("flowNode");
        flowNode.put("id", item.work.node.id);
        flowNode.put("name", item.work.node.name);
        flowNode.put("type", item.work.node.type);
        n.put("flowNodeType", item.work.node.type);
        ObjectNode workItem = n.putObject("workItem");
        workItem.put("workId", item.work.id);
        workItem.put("workItemId", item.id);
        workItem.put("type", item.type());
        workItem.put("operationType", item.operationType);
        workItem.put("receiveTime", iso(item.receiveTime));
        n.put("worksheetId", i.row.worksheetId);
        n.put("rowId", i.row.rowId);
        return n;
    }

    private static void strings(ArrayNode target, List<String> values) {
        values.forEach(target::add);
    }
}
