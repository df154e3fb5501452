package org.openapproval.core.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an actor decided on a task: the verdict, who, when, the comment (opinion) if any, the step a
 * RETURN goes back to, and attachments where the vendor has them.
 *
 * <p>{@code time} is empty when a vendor reports a decision without saying when it was taken; the model
 * keeps it unknown rather than inventing one. Decisions this library applies itself always carry a time.
 */
public record Decision(Verdict verdict, UserRef actor, Optional<String> comment, Optional<Instant> time,
                       Optional<StepId> returnTo, List<Attachment> attachments) {
    /** Vendors cap opinions at a few thousand characters; so does this model. */
    public static final int MAX_COMMENT_LENGTH = Identifiers.MAX_TEXT_LENGTH;

    public Decision {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(time, "time");
        comment = Objects.requireNonNull(comment, "comment").map(Decision::checkComment);
        Objects.requireNonNull(returnTo, "returnTo");
        attachments = List.copyOf(Objects.requireNonNull(attachments, "attachments"));
        if (verdict == Verdict.RETURN && returnTo.isEmpty()) {
            throw new IllegalArgumentException("a RETURN decision needs the step to return to");
        }
        if (verdict != Verdict.RETURN && returnTo.isPresent()) {
            throw new IllegalArgumentException("only a RETURN decision names a step to return to, not " + verdict);
        }
    }

    /** A decision whose time is known. */
    public Decision(Verdict verdict, UserRef actor, Optional<String> comment, Instant decidedAt,
                    Optional<StepId> returnTo, List<Attachment> attachments) {
        this(verdict, actor, comment, Optional.of(Objects.requireNonNull(decidedAt, "decidedAt")), returnTo,
                attachments);
    }

    /**
     * When the decision was taken.
     *
     * @throws IllegalStateException if the vendor did not say; {@link #time()} never throws
     * @deprecated a decision read from a vendor may have no time; use {@link #time()}
     */
    @Deprecated
    public Instant decidedAt() {
        return time.orElseThrow(() -> new IllegalStateException(
                "the time of this " + verdict + " decision by " + actor + " is unknown"));
    }

    public static Decision approve(UserRef actor, String comment, Instant at) {
        return new Decision(Verdict.APPROVE, actor, Optional.ofNullable(comment), at, Optional.empty(), List.of());
    }

    public static Decision reject(UserRef actor, String comment, Instant at) {
        return new Decision(Verdict.REJECT, actor, Optional.ofNullable(comment), at, Optional.empty(), List.of());
    }

    public static Decision returnTo(StepId target, UserRef actor, String comment, Instant at) {
        return new Decision(Verdict.RETURN, actor, Optional.ofNullable(comment), at,
                Optional.of(Objects.requireNonNull(target, "target")), List.of());
    }

    /** Validates a comment text as every decision and command does: non-blank, bounded, no control chars. */
    public static String checkComment(String comment) {
        return Identifiers.requireText(comment, "comment", MAX_COMMENT_LENGTH, true);
    }
}
