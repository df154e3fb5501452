package org.openapproval.core.domain;

/** Where a process stands. The vendor's own status string is always kept beside it. */
public enum ProcessState {
    IN_PROGRESS,
    APPROVED,
    REJECTED,
    CANCELLED,
    FAILED,
    /** The vendor reported a status this library does not know; see the raw vendor status. */
    UNKNOWN;

    /** Only an in-progress process accepts decisions and cancellation. */
    public boolean isOpen() {
        return this == IN_PROGRESS;
    }
}
