package org.openapproval.adapter.support;

import java.util.function.Supplier;

/**
 * Where a provider's access tokens live, shared by every service built with the same credentials: vendors
 * limit token calls (Fxiaoke: ten a minute and none concurrently), so services must not each fetch their own.
 * Owned by whoever creates the providers; {@link InProcessTokenStore} keeps them in this JVM, and a
 * distributed store (e.g. on JCache) can stand behind the same interface.
 */
public interface TokenStore {
    /**
     * Joins the token of {@code key}, creating its entry on first use. The entry lives until the last lease
     * on it is closed.
     *
     * @param fetcher how this lease fetches a token when none is fresh; each lease brings its own, so a
     *                fetch never runs on the HTTP client of a service already closed
     */
    Lease open(TokenKey key, Supplier<AccessToken> fetcher);

    /** One service's hold on a token; close it when the service closes. */
    interface Lease extends AutoCloseable {
        /**
         * The fresh token, fetched single-flight when missing or due: one fetch at a time per key however
         * many callers, the others waiting for (and sharing) its result or failure.
         */
        AccessToken get();

        /** Forgets the token if it is still {@code refusedValue}, so the next {@link #get()} fetches anew. */
        void invalidate(String refusedValue);

        /** Releases the hold; idempotent. */
        @Override
        void close();
    }
}
