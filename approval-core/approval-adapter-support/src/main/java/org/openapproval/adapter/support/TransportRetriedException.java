package org.openapproval.adapter.support;

import java.io.IOException;

/**
 * A GET or HEAD that the JDK client already sent twice: it repeats an idempotent request by itself when the
 * connection closes before any answer byte, and that cannot be switched off per client without a JVM-wide
 * property. {@link ReadRetryer} counts both sends against the configured attempts.
 */
final class TransportRetriedException extends IOException {
    private static final long serialVersionUID = 1L;

    TransportRetriedException(IOException cause) {
        super("the connection was closed before any answer, twice", cause);
    }

    /** Whether the JDK client retried {@code method} once already before giving up with {@code failure}. */
    static boolean retriedByTransport(String method, Throwable failure) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return false;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().equals("ConnectionExpiredException")
                    || String.valueOf(t.getMessage()).contains("received no bytes")) {
                return true;
            }
        }
        return false;
    }
}
