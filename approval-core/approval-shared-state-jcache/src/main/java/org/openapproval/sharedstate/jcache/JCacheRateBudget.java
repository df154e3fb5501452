package org.openapproval.sharedstate.jcache;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import io.github.bucket4j.distributed.BucketProxy;
import org.openapproval.adapter.support.HoldOffWait;
import org.openapproval.adapter.support.Permits;
import org.openapproval.adapter.support.RateBudget;

/**
 * A budget shared by every node: Bucket4j's bucket in the cluster (its entry processors do the arithmetic
 * atomically on the member that owns the key) and a hold-off entry beside it.
 */
final class JCacheRateBudget implements RateBudget {
    private final Optional<BucketProxy> bucket;
    private final HoldOffWait waiting;

    JCacheRateBudget(Optional<BucketProxy> bucket, HoldOffWait waiting) {
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.waiting = Objects.requireNonNull(waiting, "waiting");
    }

    @Override
    public void acquire() {
        waiting.acquire(bucket.map(b -> (Permits) permits -> CacheCalls.call("take a permit",
                () -> b.tryConsumeAndReturnRemaining(permits))));
    }

    @Override
    public void holdOff(Duration wait) {
        waiting.holdOff(wait);
    }
}
