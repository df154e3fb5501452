package org.openapproval.adapter.support;

/**
 * Where a provider keeps what the vendor rations per app or tenant rather than per JVM: access tokens, the
 * call budget and the quota state. {@link InProcessSharedState} keeps them in this JVM (one node's view, as
 * without it); a distributed implementation, such as the one in {@code approval-shared-state-jcache}, shares
 * them between nodes. Keys are digests ({@link TokenKey}): never a secret in clear.
 */
public interface SharedState extends AutoCloseable {
    /** Tokens, fetched single-flight across everyone sharing this state. */
    TokenStore tokens();

    /** The call budget of the app or tenant that {@code key} names. */
    RateBudget rateBudget(TokenKey key, RateLimit limit);

    /** The quota state of the tenant that {@code key} names. */
    QuotaState quota(TokenKey key);

    /** Releases what this object holds in this JVM; never what it shares with other nodes. Idempotent. */
    @Override
    void close();
}
