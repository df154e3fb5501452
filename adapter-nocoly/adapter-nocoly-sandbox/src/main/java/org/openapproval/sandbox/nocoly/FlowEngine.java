package org.openapproval.sandbox.nocoly;

import static org.openapproval.sandbox.nocoly.Vocabulary.ACTION_OVERRULE;
import static org.openapproval.sandbox.nocoly.Vocabulary.ACTION_PASS;
import static org.openapproval.sandbox.nocoly.Vocabulary.ACTION_SUBMIT;
import static org.openapproval.sandbox.nocoly.Vocabulary.COUNTERSIGN_ALL;
import static org.openapproval.sandbox.nocoly.Vocabulary.NODE_FILL;
import static org.openapproval.sandbox.nocoly.Vocabulary.OP_NOT_NEEDED;
import static org.openapproval.sandbox.nocoly.Vocabulary.OP_OVERRULED;
import static org.openapproval.sandbox.nocoly.Vocabulary.OP_PASSED;
import static org.openapproval.sandbox.nocoly.Vocabulary.OP_PENDING;
import static org.openapproval.sandbox.nocoly.Vocabulary.OP_SUBMITTED;
import static org.openapproval.sandbox.nocoly.Vocabulary.STATUS_COMPLETED;
import static org.openapproval.sandbox.nocoly.Vocabulary.STATUS_OVERRULED;

import java.time.Instant;
import java.util.Objects;
import org.openapproval.sandbox.nocoly.Model.Account;
import org.openapproval.sandbox.nocoly.Model.Instance;
import org.openapproval.sandbox.nocoly.Model.Node;
import org.openapproval.sandbox.nocoly.Model.Work;
import org.openapproval.sandbox.nocoly.Model.WorkItem;

/**
 * The vendor's state machine: an instance runs its fixed plan of nodes after the start node. A node's work
 * is created when the node is reached; a cc node's work is created and passed through at once (nobody
 * waits for it). At most one work is current at a time. Not thread-safe; the store calls it under its lock.
 */
final class FlowEngine {
    private final ObjectIds ids;
    /** Orders work items across instances (the to-do list is oldest first). */
    private long itemSequence;

    FlowEngine(ObjectIds ids) {
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /** Runs a new instance: the initiator's start item is submitted, then the first waiting node is reached. */
    void submit(Instance instance, Instant now) {
        Work startWork = newWork(instance, instance.startNode, now, OP_SUBMITTED);
        WorkItem submitted = startWork.items.get(0);
        submitted.operationTime = now;
        submitted.opinion = "";
        reachFrom(instance, 0, now);
    }

    /** The item's account passes (approval) or submits (fill-in); the node settles per its countersign type. */
    void pass(WorkItem item, String opinion, Instant now) {
        decide(item, OP_PASSED, item.type() == NODE_FILL ? ACTION_SUBMIT : ACTION_PASS, opinion, now);
        Work work = item.work;
        boolean settled = !Objects.equals(work.node.countersignType, COUNTERSIGN_ALL)
                || work.items.stream().noneMatch(w -> w.operationType == OP_PENDING);
        if (settled) {
            notNeeded(work);
            reachFrom(work.instance, work.instance.nextNode, now);
        }
    }

    /** The item's account overrules: the instance ends overruled. */
    void overrule(WorkItem item, String opinion, Instant now) {
        decide(item, OP_OVERRULED, ACTION_OVERRULE, opinion, now);
        notNeeded(item.work);
        Instance instance = item.work.instance;
        instance.current = null;
        instance.status = STATUS_OVERRULED;
        instance.completeDate = now;
    }

    private static void decide(WorkItem item, int operationType, int action, String opinion, Instant now) {
        item.operationType = operationType;
        item.operationTime = now;
        item.opinion = opinion == null ? "" : opinion;
        item.logAction = action;
        item.logDate = now;
    }

    /** Items still pending when their node is settled: "not needed" (5). UNVERIFIED: operationTime stays null. */
    private static void notNeeded(Work work) {
        work.items.stream().filter(w -> w.operationType == OP_PENDING).forEach(w -> w.operationType = OP_NOT_NEEDED);
    }

    /** Reaches the plan's nodes from {@code index}: cc nodes are passed through, the first waiting node stops. */
    private void reachFrom(Instance instance, int index, Instant now) {
        for (int n = index; n < instance.plan.size(); n++) {
            Node node = instance.plan.get(n);
            Work work = newWork(instance, node, now, OP_PENDING);
            instance.nextNode = n + 1;
            if (node.waits()) {
                instance.current = work;
                return;
            }
        }
        instance.current = null;
        instance.status = STATUS_COMPLETED;
        instance.completeDate = now;
    }

    private Work newWork(Instance instance, Node node, Instant now, int operationType) {
        Work work = new Work(ids.next(now), instance, node, now);
        for (Account a : node.assignees) {
            work.items.add(new WorkItem(ids.next(now), ++itemSequence, work, a, now, operationType));
        }
        instance.works.add(work);
        return work;
    }
}
