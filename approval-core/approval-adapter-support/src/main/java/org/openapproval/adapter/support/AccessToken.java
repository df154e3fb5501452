package org.openapproval.adapter.support;

import java.time.Instant;
import java.util.Objects;

/**
 * A vendor's access token as issued: its value, the account it is bound to (e.g. Fxiaoke's {@code ea} or
 * {@code corpId}), when it should be renewed (the vendor's rules, decided by the adapter when it is issued)
 * and when the vendor stops honouring it. Its value never appears in {@link #toString()}.
 */
public record AccessToken(String value, String account, Instant refreshAt, Instant expiresAt) {
    public AccessToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(refreshAt, "refreshAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Whether the token may still be used at {@code now}, rather than renewed. */
    public boolean isFreshAt(Instant now) {
        return now.isBefore(refreshAt) && now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "AccessToken[value=****, account=" + account + ", refreshAt=" + refreshAt + ", expiresAt="
                + expiresAt + "]";
    }
}
