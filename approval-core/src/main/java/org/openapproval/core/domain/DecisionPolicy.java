package org.openapproval.core.domain;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The rules a provider declares for decisions on its side, checked by the domain before anything is
 * sent. Today: which verdicts need a comment (Fxiaoke requires an opinion for every verdict).
 */
public record DecisionPolicy(Set<Verdict> commentRequiredFor) {
    public DecisionPolicy {
        commentRequiredFor = Set.copyOf(Objects.requireNonNull(commentRequiredFor, "commentRequiredFor"));
    }

    public static DecisionPolicy commentsOptional() {
        return new DecisionPolicy(Set.of());
    }

    public static DecisionPolicy commentsRequired() {
        return new DecisionPolicy(EnumSet.allOf(Verdict.class));
    }

    public boolean requiresComment(Verdict verdict) {
        return commentRequiredFor.contains(verdict);
    }
}
