package org.openapproval.adapter.support;

import java.io.IOException;

/**
 * The request could not even be built (an address or header value the HTTP client refuses): nothing left
 * this process. Never carries the client's own message, which quotes the whole (signed) URL.
 */
public final class RequestNotSentException extends IOException {
    private static final long serialVersionUID = 1L;

    public RequestNotSentException(String what) {
        super(what);
    }
}
