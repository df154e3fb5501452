package org.openapproval.sandbox.nocoly;

import static org.openapproval.sandbox.nocoly.Vocabulary.NODE_APPROVE;
import static org.openapproval.sandbox.nocoly.Vocabulary.NODE_FILL;
import static org.openapproval.sandbox.nocoly.Vocabulary.STATUS_RUNNING;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The vendor's object model: processes, the worksheet's rows, approval instances with their works (one
 * per reached node) and work items (one per assignee). The mutable parts are guarded by the
 * {@link WorkflowStore}'s lock; nothing here leaves the store except as rendered JSON.
 */
final class Model {
    private Model() {
    }

    /** A person: {@code accountId} and display name. */
    record Account(String accountId, String fullName) {
        Account {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(fullName, "fullName");
        }
    }

    /** One W2 input parameter. */
    record Input(String id, String name, String alias, int type, String description, boolean required) {
    }

    static final class Process {
        final String id;
        final String parentId;
        final String name;
        final Instant createdAt;
        Instant updatedAt;
        /** Listed by W1 and triggerable by W3: created through {@code seedDefinition}. */
        boolean triggerable;
        List<Input> inputs = List.of();

        Process(String id, String parentId, String name, Instant createdAt) {
            this.id = id;
            this.parentId = parentId;
            this.name = name;
            this.createdAt = createdAt;
            this.updatedAt = createdAt;
        }
    }

    static final class Row {
        final String worksheetId;
        final String rowId;
        final String title;
        final List<Instance> instances = new ArrayList<>();

        Row(String worksheetId, String rowId, String title) {
            this.worksheetId = worksheetId;
            this.rowId = rowId;
            this.title = title;
        }
    }

    /** A node of an instance's flow: the start node or one planned node. */
    static final class Node {
        final String id;
        final String name;
        final int type;
        /** {@link Vocabulary#COUNTERSIGN_ALL}, {@link Vocabulary#COUNTERSIGN_ONE} or null (single approver). */
        final Integer countersignType;
        final List<Account> assignees;
        /** The start node's trigger id (W5 {@code flowNode.triggerId}); null on planned nodes. */
        final String triggerId;

        Node(String id, String name, int type, Integer countersignType, List<Account> assignees, String triggerId) {
            this.id = id;
            this.name = name;
            this.type = type;
            this.countersignType = countersignType;
            this.assignees = List.copyOf(assignees);
            this.triggerId = triggerId;
        }

        boolean waits() {
            return type == NODE_APPROVE || type == NODE_FILL;
        }
    }

    static final class Instance {
        final String id;
        final Process process;
        final Row row;
        final Account initiator;
        final Instant createDate;
        final Node startNode;
        final List<Node> plan;
        final List<Work> works = new ArrayList<>();
        int status = STATUS_RUNNING;
        Instant completeDate;
        /** The work awaiting decisions, or null once the instance has ended. */
        Work current;
        /** The index in {@link #plan} of the node to reach after the current one. */
        int nextNode;

        Instance(String id, Process process, Row row, Account initiator, Instant createDate, Node startNode,
                List<Node> plan) {
            this.id = id;
            this.process = process;
            this.row = row;
            this.initiator = initiator;
            this.createDate = createDate;
            this.startNode = startNode;
            this.plan = List.copyOf(plan);
        }

        List<String> currentWorkIds() {
            return current == null ? List.of() : List.of(current.id);
        }
    }

    static final class Work {
        final String id;
        final Instance instance;
        final Node node;
        final Instant createdAt;
        final List<WorkItem> items = new ArrayList<>();

        Work(String id, Instance instance, Node node, Instant createdAt) {
            this.id = id;
            this.instance = instance;
            this.node = node;
            this.createdAt = createdAt;
        }
    }

    static final class WorkItem {
        final String id;
        final long sequence;
        final Work work;
        final Account account;
        final Instant receiveTime;
        int operationType;
        Instant operationTime;
        /** null while undecided; "" once decided without an opinion. */
        String opinion;
        /** The last operation-log action on this item, or null. */
        Integer logAction;
        Instant logDate;

        WorkItem(String id, long sequence, Work work, Account account, Instant receiveTime, int operationType) {
            this.id = id;
            this.sequence = sequence;
            this.work = work;
            this.account = account;
            this.receiveTime = receiveTime;
            this.operationType = operationType;
        }

        int type() {
            return work.node.type;
        }
    }
}
