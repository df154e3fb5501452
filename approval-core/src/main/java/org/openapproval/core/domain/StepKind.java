package org.openapproval.core.domain;

/** What a node of the flow is for. */
public enum StepKind {
    START,
    APPROVAL,
    /** Someone fills in fields (Nocoly 填写节点). */
    FILL_IN,
    /** Carbon copy / notification; never waits for a decision. */
    NOTIFY,
    /** Automatic node run by the vendor (branch, action, robot). */
    SYSTEM,
    UNKNOWN;

    /** Whether a flow can be sent back to a step of this kind. */
    public boolean isReturnable() {
        return this == START || this == APPROVAL || this == FILL_IN;
    }
}
