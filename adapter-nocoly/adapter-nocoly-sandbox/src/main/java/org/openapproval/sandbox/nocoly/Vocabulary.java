package org.openapproval.sandbox.nocoly;

/** The vendor's numeric enumerations the sandbox produces (fact sheet §4.2, §4.6, §5). */
final class Vocabulary {
    private Vocabulary() {
    }

    /** W1 process {@code type}: 6 webhook-triggered, 10 packaged business process (PBP). */
    static final int PROCESS_TYPE_PBP = 10;

    /** Instance {@code status}. Never produced: 4 terminated/failed, 6 withdrawn. */
    static final int STATUS_RUNNING = 1;
    static final int STATUS_COMPLETED = 2;
    static final int STATUS_OVERRULED = 3;

    /** {@code flowNode.type} / work item {@code type}; other node types exist but are not produced. */
    static final int NODE_START = 0;
    static final int NODE_FILL = 3;
    static final int NODE_APPROVE = 4;
    static final int NODE_CC = 5;

    /** Work item {@code operationType}. */
    static final int OP_PENDING = 0;
    static final int OP_PASSED = 1;
    static final int OP_OVERRULED = 4;
    static final int OP_NOT_NEEDED = 5;
    static final int OP_SUBMITTED = 9;

    /** {@code countersignType}: null for a single approver. */
    static final int COUNTERSIGN_ALL = 1;
    static final int COUNTERSIGN_ONE = 2;

    /** Org API {@code batchOperationType}. */
    static final int BATCH_PASS = 4;
    static final int BATCH_REJECT = 5;

    /** Operation-log {@code action} (workItemLog). */
    static final int ACTION_SUBMIT = 1;
    static final int ACTION_PASS = 4;
    static final int ACTION_OVERRULE = 5;

    /** Org to-do {@code type} filter: -1 = every pending fill or approval item. */
    static final int TODO_FILL_AND_APPROVE = -1;

    /** W2 input parameter {@code type}: field-type codes 2 text, 6 number. */
    static final int INPUT_TEXT = 2;
    static final int INPUT_NUMBER = 6;
}
