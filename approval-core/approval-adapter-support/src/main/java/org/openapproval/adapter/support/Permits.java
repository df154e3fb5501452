package org.openapproval.adapter.support;

import io.github.bucket4j.ConsumptionProbe;

/** Takes permits from a Bucket4j bucket, local or distributed. */
@FunctionalInterface
public interface Permits {
    ConsumptionProbe tryConsumeAndReturnRemaining(long permits);
}
