package org.openapproval.adapter.support;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A {@link TokenStore} in this JVM, owned by one provider object: its entries are counted leases, and an
 * entry (with its token) is dropped when its last lease closes, so nothing outlives the services using it.
 */
public final class InProcessTokenStore implements TokenStore {
    private final Clock clock;
    private final Map<TokenKey, Entry> entries = new HashMap<>(); // guarded by this

    public InProcessTokenStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized Lease open(TokenKey key, Supplier<AccessToken> fetcher) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fetcher, "fetcher");
        Entry entry = entries.computeIfAbsent(key, k -> new Entry(new SingleFlightToken(clock)));
        entry.leases++;
        return new EntryLease(key, entry, fetcher);
    }

    /** How many credentials currently have an entry (an open lease). */
    public synchronized int size() {
        return entries.size();
    }

    private synchronized void release(TokenKey key, Entry entry) {
        entry.leases--;
        if (entry.leases == 0) {
            entries.remove(key, entry);
        }
    }

    private static final class Entry {
        final SingleFlightToken token;
        int leases; // guarded by the store

        Entry(SingleFlightToken token) {
            this.token = token;
        }
    }

    private final class EntryLease implements Lease {
        private final TokenKey key;
        private final Entry entry;
        private final Supplier<AccessToken> fetcher;
        private final AtomicBoolean closed = new AtomicBoolean();

        EntryLease(TokenKey key, Entry entry, Supplier<AccessToken> fetcher) {
            this.key = key;
            this.entry = entry;
            this.fetcher = fetcher;
        }

        @Override
        public AccessToken get() {
            if (closed.get()) {
                throw new IllegalStateException("the token lease of " + key + " is closed");
            }
            return entry.token.get(fetcher);
        }

        @Override
        public void invalidate(String refusedValue) {
            entry.token.invalidate(refusedValue);
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                release(key, entry);
            }
        }
    }
}
