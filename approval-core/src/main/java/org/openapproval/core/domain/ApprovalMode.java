package org.openapproval.core.domain;

/** How the tasks of one step combine into the step's outcome. */
public enum ApprovalMode {
    /** One assignee decides. */
    SINGLE,
    /** 或签: the first approval settles the step. */
    ANY_OF,
    /** 会签: every assignee must approve. */
    ALL_OF,
    /** 依次审批: assignees decide one after another, in order. */
    SEQUENTIAL,
    UNKNOWN
}
