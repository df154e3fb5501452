package org.openapproval.sandbox.nocoly;

import java.time.Instant;

/**
 * 24-hex ids shaped like the vendor's Mongo ObjectIds (process, worksheet, row, instance, work, work item
 * and node ids): 8 hex digits of epoch seconds from the sandbox clock, a fixed 10-digit "machine" part and
 * a 6-digit counter, so ids are deterministic under a fixed clock and unique within one sandbox. Not
 * thread-safe on its own; the store calls it under its lock. UNVERIFIED: only the 24-hex form is documented.
 */
final class ObjectIds {
    private static final String MACHINE = "a937e243ac";

    private long counter;

    String next(Instant now) {
        counter++;
        return String.format("%08x%s%06x", now.getEpochSecond() & 0xffffffffL, MACHINE, counter & 0xffffffL);
    }
}
