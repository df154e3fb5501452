package org.openapproval.sharedstate.jcache;

import java.util.Objects;
import javax.cache.Cache;
import org.openapproval.adapter.support.HoldOffWait;

/** A vendor's hold-off for one budget, extended only forwards with the cache's atomic compare-and-replace. */
final class JCacheHoldOff implements HoldOffWait.HoldOffStore {
    private final Cache<String, Long> holdOffs;
    private final String key;

    JCacheHoldOff(Cache<String, Long> holdOffs, String key) {
        this.holdOffs = Objects.requireNonNull(holdOffs, "holdOffs");
        this.key = Objects.requireNonNull(key, "key");
    }

    @Override
    public long untilMillis() {
        Long until = CacheCalls.call("read a hold-off", () -> holdOffs.get(key));
        return until == null ? 0 : until;
    }

    @Override
    public void extendTo(long millis) {
        CacheCalls.run("extend a hold-off", () -> {
            while (true) {
                Long current = holdOffs.get(key);
                if (current == null ? holdOffs.putIfAbsent(key, millis)
                        : current >= millis || holdOffs.replace(key, current, millis)) {
                    return;
                }
            }
        });
    }
}
