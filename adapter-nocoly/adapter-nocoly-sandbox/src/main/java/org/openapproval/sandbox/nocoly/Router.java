package org.openapproval.sandbox.nocoly;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Maps a request's method and raw path to an {@link Endpoint} and its decoded path parameters. Stateless.
 */
final class Router {
    /** A matched path: the endpoint, or (wrong method) null and the methods allowed there; the path parameters. */
    record Route(Endpoint endpoint, String allow, List<String> params) {
    }

    private Router() {
    }

    /**
     * Matches the raw path segment by segment, so an encoded {@code %2F} stays inside its segment; path
     * parameters are then percent-decoded (a malformed escape decodes to null and finds nothing).
     *
     * @return null for an unknown path
     */
    static Route route(String method, String rawPath) {
        if (!rawPath.startsWith("/")) {
            return null;
        }
        String[] s = rawPath.substring(1).split("/", -1);
        if (s.length >= 4 && s[0].equals("v3") && s[1].equals("app") && s[2].equals("workflow")) {
            if (s.length == 4 && s[3].equals("processes")) {
                return of(method, Endpoint.W1_PROCESSES, List.of());
            }
            if (s.length == 5 && s[3].equals("processes")) {
                return of(method, Endpoint.W2_PROCESS, params(s[4]));
            }
            if (s.length == 5 && s[3].equals("hooks")) {
                return of(method, Endpoint.W3_HOOK, params(s[4]));
            }
            if (s.length == 8 && s[4].equals("rows") && s[6].equals("approval")) {
                if (s[7].equals("list") && method.equals("POST")) {
                    return of(method, Endpoint.W4_APPROVAL_LIST, params(s[3], s[5]));
                }
                if (method.equals("GET")) {
                    return of(method, Endpoint.W5_APPROVAL, params(s[3], s[5], s[7]));
                }
                return new Route(null, s[7].equals("list") ? "GET, POST" : "GET", List.of());
            }
            return null;
        }
        if (s.length == 4 && s[0].equals("workflow") && s[1].equals("v1") && s[2].equals("instance")) {
            if (s[3].equals("batch")) {
                return of(method, Endpoint.ORG_BATCH, List.of());
            }
            if (s[3].equals("getTodoList")) {
                return of(method, Endpoint.ORG_TODO_LIST, List.of());
            }
        }
        return null;
    }

    private static Route of(String method, Endpoint endpoint, List<String> params) {
        return method.equals(endpoint.method) ? new Route(endpoint, endpoint.method, params)
                : new Route(null, endpoint.method, params);
    }

    private static List<String> params(String... raw) {
        List<String> out = new ArrayList<>();
        for (String r : raw) {
            out.add(decodeSegment(r));
        }
        return Collections.unmodifiableList(out);
    }

    /** RFC 3986 percent-decoding of one path segment ('+' stays '+'); null when malformed or not UTF-8. */
    static String decodeSegment(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
