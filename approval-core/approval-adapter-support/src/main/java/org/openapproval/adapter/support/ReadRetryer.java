package org.openapproval.adapter.support;

import feign.Request;
import feign.Response;
import feign.RetryableException;
import feign.Retryer;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.openapproval.core.domain.ApprovalException;
import org.openapproval.core.domain.RateLimitedException;

/**
 * Feign's retryer for one call. Reads are repeated on transient failures following a {@link RetryPolicy}
 * (capped exponential backoff with full jitter, or the vendor's Retry-After up to the cap); writes are never
 * repeated, because no vendor documents idempotent writes. A vendor may add one immediate replay for a
 * failure that proves the request was refused, not applied (e.g. an expired token), for reads and writes
 * alike. Feign clones the retryer per call, so the counters are per call.
 */
public final class ReadRetryer implements Retryer {
    /** Pauses the calling thread; tests supply one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration pause) throws InterruptedException;
    }

    private static final RetryPolicy NEVER = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    private final RetryPolicy policy;
    private final Predicate<RetryableException> replayOnce;
    private final Sleeper sleeper;
    private final LongSupplier random;
    private int failedAttempts;
    private boolean replayed;

    private ReadRetryer(RetryPolicy policy, Predicate<RetryableException> replayOnce, Sleeper sleeper,
                        LongSupplier random) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.replayOnce = Objects.requireNonNull(replayOnce, "replayOnce");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** For reads: sleeps the calling thread, with thread-local randomness. */
    public static ReadRetryer reads(RetryPolicy policy) {
        return reads(policy, pause -> Thread.sleep(pause.toMillis()),
                () -> ThreadLocalRandom.current().nextLong(Long.MAX_VALUE));
    }

    /** For reads, with a chosen sleeper and random source (tests). */
    public static ReadRetryer reads(RetryPolicy policy, Sleeper sleeper, LongSupplier random) {
        return new ReadRetryer(policy, e -> false, sleeper, random);
    }

    /** For writes: a transient failure is never repeated. */
    public static ReadRetryer writes() {
        return new ReadRetryer(NEVER, e -> false, pause -> { }, () -> 0L);
    }

    /** A copy that replays a call once, at once, when {@code refusal} says the vendor refused it unapplied. */
    public ReadRetryer replayingOnce(Predicate<RetryableException> refusal) {
        return new ReadRetryer(policy, refusal, sleeper, random);
    }

    @Override
    public void continueOrPropagate(RetryableException e) {
        if (replayOnce.test(e)) {
            if (replayed) {
                throw e;
            }
            replayed = true;
            return;
        }
        if (e.getCause() instanceof ResponseTooLargeException || e.getCause() instanceof RequestNotSentException
                || e.getCause() instanceof java.io.InterruptedIOException || Thread.currentThread().isInterrupted()) {
            throw e; // the same again would fail the same way, or the caller wants to stop
        }
        failedAttempts++;
        int counted = failedAttempts;
        if (e.getCause() instanceof TransportRetriedException) {
            // the JDK client sent it twice already; the next attempt may be sent twice as well, so it is
            // only made when both sends fit within the configured attempts
            failedAttempts++;
            counted = failedAttempts + 1;
        }
        // a Retry-After beyond the cap goes to the caller (RateLimitedException.retryAfter) instead of being slept
        Duration pause = policy.pauseAfter(counted, Optional.ofNullable(e.retryAfter()).map(Duration::ofMillis),
                random).orElseThrow(() -> e);
        try {
            sleeper.sleep(pause);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw e;
        }
    }

    @Override
    public Retryer clone() {
        return new ReadRetryer(policy, replayOnce, sleeper, random);
    }

    /**
     * Hands {@code failure} to the retryer as Feign's signal, carrying the Retry-After of a throttling failure
     * or of the answer itself (a 503 may say one too). Once retries run out, {@link VendorFailures} unwraps the
     * failure again.
     */
    public static RetryableException retryable(Response response, ApprovalException failure) {
        Long retryAfterMillis = (failure instanceof RateLimitedException r ? r.retryAfter()
                : RetryAfter.parse(response.headers())).map(Duration::toMillis).orElse(null);
        Request request = response.request();
        return new RetryableException(response.status(), failure.getMessage(), request.httpMethod(), failure,
                retryAfterMillis, request);
    }
}
