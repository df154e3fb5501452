package org.openapproval.adapter.fxiaoke.client;

import java.time.Instant;

/**
 * A token as issued: the value, the account it is bound to ({@code ea} for client credentials,
 * {@code corpId} for the legacy token) and when it was received and expires.
 */
public record AccessToken(String value, String account, Instant receivedAt, Instant expiresAt) {
    @Override
    public String toString() {
        return "AccessToken[value=****, account=" + account + ", receivedAt=" + receivedAt + ", expiresAt="
                + expiresAt + "]";
    }
}
