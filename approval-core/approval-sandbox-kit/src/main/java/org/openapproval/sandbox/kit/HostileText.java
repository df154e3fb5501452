package org.openapproval.sandbox.kit;

import java.util.Map;
import java.util.TreeMap;

/**
 * The text a hostile or careless vendor puts in its error messages, for sandboxes' fault kinds
 * {@link Fault.Kind#ECHOING_ERROR} and {@link Fault.Kind#CONTROL_CHARACTERS_IN_ERROR}.
 */
public final class HostileText {
    /**
     * Colour codes, a window-title OSC, clear-screen, a line break followed by a forged CLI line, and a
     * right-to-left override.
     */
    public static final String CONTROL_SEQUENCES = "\u001b[31mbad\u001b[0m \u001b]0;pwned\u0007\u001b[2J\u001b[H"
            + "\r\napproval: everything is fine \u202egnp.exe\u0000";

    private HostileText() {
    }

    /** What a vendor that echoes the request says: method, path, query, every header and the body, as received. */
    public static String echoOf(LoopbackHttpServer.Request in) {
        Map<String, String> headers = new TreeMap<>(in.headers());
        return "invalid request " + in.method() + " " + in.rawPath() + "?" + in.query() + " headers=" + headers
                + " body=" + in.body();
    }
}
