package org.openapproval.adapter.support;

import java.util.Optional;
import java.util.function.Function;
import org.openapproval.core.domain.ApprovalException;
import org.openapproval.core.domain.ApprovalProcess;
import org.openapproval.core.domain.InvalidRequestException;
import org.openapproval.core.domain.PermissionDeniedException;
import org.openapproval.core.domain.ProcessId;
import org.openapproval.core.domain.Task;
import org.openapproval.core.domain.TaskNotPendingException;
import org.openapproval.core.domain.ValidatedDecision;

/**
 * A decision the vendor refused because someone else decided the task first: vendors answer a lost race with
 * a generic "invalid request" (or "not allowed") code, which tells the caller nothing. The process is read
 * back; when the task is no longer pending the caller gets {@link TaskNotPendingException}, the domain's word
 * for it; otherwise the vendor's refusal stands.
 */
public final class DecisionRaces {
    private DecisionRaces() {
    }

    /**
     * Submits {@code decision} with {@code send}; a refusal is judged by reading the process back with
     * {@code reader}.
     */
    public static void submit(ValidatedDecision decision, Runnable send,
                              Function<ProcessId, Optional<ApprovalProcess>> reader) {
        try {
            send.run();
        } catch (InvalidRequestException | PermissionDeniedException refused) {
            throw judged(refused, decision, reader);
        }
    }

    static ApprovalException judged(ApprovalException refused, ValidatedDecision decision,
                                    Function<ProcessId, Optional<ApprovalProcess>> reader) {
        Optional<Task> now;
        try {
            now = reader.apply(decision.process().id()).flatMap(p -> p.task(decision.task().id()));
        } catch (RuntimeException readFailure) {
            refused.addSuppressed(readFailure);
            return refused;
        }
        if (now.isPresent() && !now.get().isPending()) {
            TaskNotPendingException lost = new TaskNotPendingException("task " + decision.task().id()
                    + " was decided by someone else first (it is " + now.get().state() + " now)", refused.context());
            lost.addSuppressed(refused);
            return lost;
        }
        return refused;
    }
}
