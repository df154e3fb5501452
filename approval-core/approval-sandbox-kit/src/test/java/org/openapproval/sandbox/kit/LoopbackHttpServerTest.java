package org.openapproval.sandbox.kit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.openapproval.sandbox.kit.LoopbackHttpServer.QueryDecoding;
import org.openapproval.sandbox.kit.LoopbackHttpServer.Reply;
import org.openapproval.sandbox.kit.LoopbackHttpServer.Request;

class LoopbackHttpServerTest {
    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> call(LoopbackHttpServer server, String method, String pathAndQuery, String body)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.endpoint() + pathAndQuery))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("X-Multi", "a").header("X-Multi", "b").header("Content-Type", "application/json")
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void readsRecordsCountsAndAnswersARequest() throws Exception {
        AtomicReference<Request> seen = new AtomicReference<>();
        try (LoopbackHttpServer server = LoopbackHttpServer.start("test-app", QueryDecoding.STRICT, r -> {
            seen.set(r);
            return new Reply(201, "application/json; charset=UTF-8", "{\"ok\":true}".getBytes(StandardCharsets.UTF_8),
                    Map.of("X-Reply", "yes"));
        })) {
            assertTrue(server.endpoint().toString().startsWith("http://127.0.0.1:"));
            HttpResponse<String> response = call(server, "POST", "/a%20b/c%2Fd?x=1+2&x=%E4%B8%AD&flag&&y=", "体");

            assertEquals(201, response.statusCode());
            assertEquals("{\"ok\":true}", response.body());
            assertEquals("application/json; charset=UTF-8", response.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("yes", response.headers().firstValue("X-Reply").orElseThrow());

            Request r = seen.get();
            assertEquals("POST", r.method());
            assertEquals("/a%20b/c%2Fd", r.rawPath());
            assertEquals("/a b/c/d", r.path());
            assertEquals(Map.of("x", List.of("1 2", "中"), "flag", List.of(""), "y", List.of("")), r.query());
            assertEquals(List.of("x", "flag", "y"), List.copyOf(r.query().keySet()));
            assertEquals("a, b", r.headers().get("x-multi"));
            assertEquals("application/json", r.headers().get("content-type"));
            assertEquals("体", r.body());
            assertEquals(List.of(r), server.requests());
            assertEquals(1, server.requestCount());
        }
    }

    @Test
    void anAppFailureIsAnswered500AndAnEmptyBodySendsNoBody() throws Exception {
        try (LoopbackHttpServer server = LoopbackHttpServer.start("test-app", QueryDecoding.STRICT, r -> {
            if (r.path().equals("/boom")) {
                throw new IllegalStateException("kaput");
            }
            return new Reply(204, "text/plain; charset=UTF-8", new byte[0], Map.of());
        })) {
            HttpResponse<String> boom = call(server, "GET", "/boom", null);
            assertEquals(500, boom.statusCode());
            assertEquals("sandbox failure: java.lang.IllegalStateException: kaput", boom.body());

            HttpResponse<String> empty = call(server, "GET", "/empty", null);
            assertEquals(204, empty.statusCode());
            assertEquals("", empty.body());
            assertEquals(2, server.requestCount(), "a request the app fails on is still recorded and counted");
            assertEquals(2, server.requests().size());
        }
    }

    @Test
    void theRequestIsImmutable() {
        Map<String, List<String>> q = LoopbackHttpServer.parseQuery("a=1&a=2", QueryDecoding.STRICT);
        Request r = new Request("GET", "/", "/", q, Map.of(), "");
        assertThrows(UnsupportedOperationException.class, () -> r.query().put("b", List.of()));
        assertThrows(UnsupportedOperationException.class, () -> r.query().get("a").add("3"));
    }

    /** The JDK server refuses a malformed URI itself (400), so the escape handling is tested on the parser. */
    @Test
    void aMalformedQueryEscapeFailsTheParseOrDropsThePair() {
        assertThrows(IllegalArgumentException.class, () -> LoopbackHttpServer.parseQuery("b=1&a=%", QueryDecoding.STRICT));
        assertEquals(Map.of("b", List.of("1"), "c", List.of("x y")),
                LoopbackHttpServer.parseQuery("b=1&a=%zz&%=2&c=x+y", QueryDecoding.DROP_MALFORMED_PAIRS));
    }

    @Test
    void replyHelpers() {
        Reply text = Reply.text(503, "down", Map.of("Retry-After", "1"));
        assertEquals("text/plain; charset=UTF-8", text.contentType());
        assertArrayEquals("down".getBytes(StandardCharsets.UTF_8), text.body());
        assertArrayEquals("do".getBytes(StandardCharsets.UTF_8), text.truncated().body());
        assertEquals(Map.of("Retry-After", "1"), text.truncated().headers());
        Reply json = Reply.json("{}".getBytes(StandardCharsets.UTF_8));
        assertEquals(200, json.status());
        assertEquals("application/json; charset=UTF-8", json.contentType());
        assertEquals(1, Reply.json(new byte[0]).truncated().body().length);
    }

    @Test
    void keepsOnlyTheLatestRequests() throws Exception {
        try (LoopbackHttpServer server = LoopbackHttpServer.start("test-app", QueryDecoding.STRICT,
                r -> Reply.text(200, "ok", Map.of()))) {
            for (int i = 0; i < 3; i++) {
                call(server, "GET", "/n" + i, null);
            }
            assertEquals(List.of("/n0", "/n1", "/n2"), server.requests().stream().map(Request::path).toList());
            assertEquals(10_000, LoopbackHttpServer.MAX_RECORDED);
        }
    }
}
