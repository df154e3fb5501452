package org.openapproval.core.domain;

/** What started a process. */
public enum TriggerKind {
    CREATE,
    UPDATE,
    INVALIDATE,
    DELETE,
    /** Submitted by a person. */
    MANUAL,
    /** Started through the API (a webhook / packaged business process). */
    API,
    UNKNOWN
}
