package org.openapproval.core.domain;

/**
 * A person at the vendor: the vendor's user id (Fxiaoke employee id / openUserId, Nocoly accountId)
 * and a display name. Two refs denote the same person when their ids are equal, whatever the names.
 */
public record UserRef(String id, String displayName) {
    public UserRef {
        Identifiers.requireSegment(id, "user id");
        Identifiers.requireText(displayName, "user name", Identifiers.MAX_SEGMENT_LENGTH, false);
    }

    public static UserRef of(String id) {
        return new UserRef(id, id);
    }

    public boolean isSamePersonAs(UserRef other) {
        return other != null && id.equals(other.id);
    }

    /** Identity is the vendor's id; display names may differ between reads. */
    @Override
    public boolean equals(Object o) {
        return o instanceof UserRef u && id.equals(u.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id.equals(displayName) ? id : displayName + " (" + id + ")";
    }
}
