package org.openapproval.sharedstate.jcache;

import java.util.function.Supplier;
import org.openapproval.adapter.support.SharedStateUnavailableException;

/** Runs one call on the shared cache; whatever the cluster throws becomes one clear, retryable error. */
final class CacheCalls {
    private CacheCalls() {
    }

    static <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (SharedStateUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SharedStateUnavailableException("The shared cache did not answer (" + what + "): "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        }
    }

    static void run(String what, Runnable call) {
        call(what, () -> {
            call.run();
            return null;
        });
    }
}
