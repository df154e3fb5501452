package org.openapproval.adapter.support;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The default {@link SharedState}: everything in this JVM, owned by one provider object, as before state
 * could be shared between nodes. Budgets and quota states live as long as this object.
 */
public final class InProcessSharedState implements SharedState {
    private final Clock clock;
    private final Sleeper sleeper;
    private final TokenStore tokens;
    private final Map<TokenKey, RateBudget> budgets = new HashMap<>(); // guarded by this
    private final Map<TokenKey, QuotaState> quotas = new HashMap<>(); // guarded by this

    public InProcessSharedState(Clock clock) {
        this(clock, new InProcessTokenStore(clock), Sleeper.THREAD);
    }

    /** Around an existing token store, e.g. one the application passed to the provider. */
    public InProcessSharedState(Clock clock, TokenStore tokens, Sleeper sleeper) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    @Override
    public TokenStore tokens() {
        return tokens;
    }

    /** One budget per key; the first caller's limit is the key's limit. */
    @Override
    public synchronized RateBudget rateBudget(TokenKey key, RateLimit limit) {
        return budgets.computeIfAbsent(Objects.requireNonNull(key, "key"),
                k -> new InProcessRateBudget(limit, clock, sleeper));
    }

    @Override
    public synchronized QuotaState quota(TokenKey key) {
        return quotas.computeIfAbsent(Objects.requireNonNull(key, "key"), k -> new InProcessQuotaState(clock));
    }

    @Override
    public void close() {
        // nothing held outside this object
    }
}
