package org.openapproval.adapter.support;

import java.io.IOException;

/** An answer longer than the configured maximum response size; it was not read to the end. */
public final class ResponseTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    public ResponseTooLargeException(long maxBytes) {
        super("the answer is longer than the maximum response size of " + maxBytes + " bytes");
    }
}
