package org.openapproval.core.domain;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The rules a provider declares for decisions on its side, checked by the domain before anything is
 * sent: which verdicts need a comment (Fxiaoke requires an opinion for every verdict), and who may
 * cancel (withdraw) a running process.
 */
public record DecisionPolicy(Set<Verdict> commentRequiredFor, WhoMayCancel whoMayCancel) {

    /** Who may withdraw a process that is still in progress. */
    public enum WhoMayCancel {
        /**
         * Only the person who started it (what both vendors' own UIs offer as "withdraw"). A process whose
         * initiator the vendor does not report cannot be checked here; the vendor judges it.
         */
        INITIATOR,
        /** Anyone the vendor lets through (the vendor checks; the domain does not). */
        ANYONE
    }

    public DecisionPolicy {
        commentRequiredFor = Set.copyOf(Objects.requireNonNull(commentRequiredFor, "commentRequiredFor"));
        Objects.requireNonNull(whoMayCancel, "whoMayCancel");
    }

    /** Comment rules only; cancelling is left to the initiator, the safe default. */
    public DecisionPolicy(Set<Verdict> commentRequiredFor) {
        this(commentRequiredFor, WhoMayCancel.INITIATOR);
    }

    public static DecisionPolicy commentsOptional() {
        return new DecisionPolicy(Set.of());
    }

    public static DecisionPolicy commentsRequired() {
        return new DecisionPolicy(EnumSet.allOf(Verdict.class));
    }

    public DecisionPolicy withWhoMayCancel(WhoMayCancel rule) {
        return new DecisionPolicy(commentRequiredFor, rule);
    }

    public boolean requiresComment(Verdict verdict) {
        return commentRequiredFor.contains(verdict);
    }

    /** Whether {@code actor} may cancel {@code process} under this policy (its state aside). */
    public boolean mayCancel(ApprovalProcess process, UserRef actor) {
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(actor, "actor");
        return switch (whoMayCancel) {
            case ANYONE -> true;
            case INITIATOR -> process.initiator().map(i -> i.isSamePersonAs(actor)).orElse(true);
        };
    }
}
