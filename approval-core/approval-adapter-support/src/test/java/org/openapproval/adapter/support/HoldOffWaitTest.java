package org.openapproval.adapter.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openapproval.core.domain.RateLimitedException;
import org.openapproval.tck.MutableClock;

class HoldOffWaitTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
    private final ClockSleeper sleeper = new ClockSleeper(clock);
    private final StoredHoldOff store = new StoredHoldOff();

    private HoldOffWait waiting(Duration maxWait) {
        return new HoldOffWait(maxWait, clock, sleeper, store);
    }

    /** Two permits a second, refilled greedily (one every 500 ms), on the test's clock. */
    private Optional<Permits> twoPerSecond() {
        Bucket bucket = Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(2).refillGreedy(2, Duration.ofSeconds(1)).build())
                .withCustomTimePrecision(new ClockTimeMeter(clock)).build();
        return Optional.of(bucket::tryConsumeAndReturnRemaining);
    }

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void withoutHoldOffOrBucketACallGoesAtOnce() {
        waiting(Duration.ofSeconds(1)).acquire(Optional.empty());
        assertEquals(List.of(), sleeper.pauses());
    }

    @Test
    void aHoldOffWithinTheWaitIsWaitedOutExactly() {
        HoldOffWait waiting = waiting(Duration.ofSeconds(10));
        waiting.holdOff(Duration.ofSeconds(3));
        clock.advance(Duration.ofSeconds(1));

        waiting.acquire(Optional.empty());

        assertEquals(List.of(Duration.ofSeconds(2)), sleeper.pauses(), "what is left of the hold-off, no more");
    }

    @Test
    void aHoldOffLongerThanTheWaitIsRefusedAtOnceWithWhatIsLeftAsRetryAfter() {
        HoldOffWait waiting = waiting(Duration.ofSeconds(1));
        waiting.holdOff(Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(5));

        RateLimitedException refused = assertThrows(RateLimitedException.class,
                () -> waiting.acquire(Optional.empty()));

        assertEquals(Optional.of(Duration.ofSeconds(25)), refused.retryAfter());
        assertTrue(refused.reason().startsWith("Not sent: the vendor asked every caller to wait"), refused.reason());
        assertEquals(List.of(), sleeper.pauses(), "refused without waiting first");
    }

    @Test
    void aShorterHoldOffNeverCutsALongerOneShort() {
        HoldOffWait waiting = waiting(Duration.ofMinutes(1));
        waiting.holdOff(Duration.ofSeconds(20));
        waiting.holdOff(Duration.ofSeconds(5));
        assertEquals(clock.millis() + 20_000, store.until);

        waiting.holdOff(Duration.ofSeconds(40));
        assertEquals(clock.millis() + 40_000, store.until, "a longer one extends it");
    }

    @Test
    void aZeroOrNegativeHoldOffChangesNothing() {
        HoldOffWait waiting = waiting(Duration.ofSeconds(1));
        waiting.holdOff(Duration.ZERO);
        waiting.holdOff(Duration.ofSeconds(-3));
        assertEquals(0, store.extensions);
        waiting.acquire(Optional.empty());
        assertEquals(List.of(), sleeper.pauses());
    }

    @Test
    void anEmptyBucketIsWaitedForUntilItsNextPermit() {
        HoldOffWait waiting = waiting(Duration.ofSeconds(10));
        Optional<Permits> bucket = twoPerSecond();
        waiting.acquire(bucket);
        waiting.acquire(bucket);
        assertEquals(List.of(), sleeper.pauses(), "the bucket's capacity goes at once");

        waiting.acquire(bucket);

        assertEquals(List.of(Duration.ofMillis(500)), sleeper.pauses(), "one permit refills in 500 ms");
    }

    @Test
    void anEmptyBucketBeyondTheWaitIsRefusedWithTheRefillTimeAsRetryAfter() {
        HoldOffWait waiting = waiting(Duration.ofMillis(100));
        Optional<Permits> bucket = twoPerSecond();
        waiting.acquire(bucket);
        waiting.acquire(bucket);

        RateLimitedException refused = assertThrows(RateLimitedException.class, () -> waiting.acquire(bucket));

        assertEquals(Optional.of(Duration.ofMillis(500)), refused.retryAfter());
        assertTrue(refused.reason().contains("the shared call budget is spent"), refused.reason());
        assertEquals(List.of(), sleeper.pauses());
    }

    @Test
    void theHoldOffAndTheBucketShareOneBoundedWait() {
        // two permits every ten seconds: after the capacity, one every 5 s
        Bucket slow = Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(2).refillGreedy(2, Duration.ofSeconds(10)).build())
                .withCustomTimePrecision(new ClockTimeMeter(clock)).build();
        Optional<Permits> bucket = Optional.of(slow::tryConsumeAndReturnRemaining);
        HoldOffWait waiting = waiting(Duration.ofSeconds(3));
        waiting.acquire(bucket);
        waiting.acquire(bucket);
        waiting.holdOff(Duration.ofMillis(600));

        // 600 ms of hold-off fit in the 3 s; the 4.4 s more for a permit do not
        RateLimitedException refused = assertThrows(RateLimitedException.class, () -> waiting.acquire(bucket));

        assertEquals(List.of(Duration.ofMillis(600)), sleeper.pauses(), "waited out the hold-off only");
        long retryAfter = refused.retryAfter().orElseThrow().toMillis();
        assertTrue(retryAfter >= 4400 && retryAfter <= 4401, "the permit's refill time: " + retryAfter);
    }

    @Test
    void anInterruptedWaitIsRefusedAndKeepsTheInterrupt() {
        HoldOffWait waiting = new HoldOffWait(Duration.ofSeconds(10), clock, pause -> {
            throw new InterruptedException();
        }, store);
        waiting.holdOff(Duration.ofSeconds(1));

        RateLimitedException refused = assertThrows(RateLimitedException.class,
                () -> waiting.acquire(Optional.empty()));

        assertTrue(refused.reason().contains("interrupted"), refused.reason());
        assertTrue(Thread.currentThread().isInterrupted());
    }

    private static final class StoredHoldOff implements HoldOffWait.HoldOffStore {
        long until;
        int extensions;

        @Override
        public long untilMillis() {
            return until;
        }

        @Override
        public void extendTo(long millis) {
            extensions++;
            until = Math.max(until, millis);
        }
    }
}
