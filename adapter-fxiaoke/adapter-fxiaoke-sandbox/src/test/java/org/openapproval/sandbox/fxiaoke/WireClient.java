package org.openapproval.sandbox.fxiaoke;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Raw HTTP to the sandbox, the way a client would speak to the vendor: plain {@link HttpClient} and
 * Jackson, no adapter classes. Every call gets a fresh thirdTraceId unless a test sets the query itself.
 */
final class WireClient {
    // Trailing tokens fail, so a body such as "503 ..." is not mistaken for the JSON number 503.
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** An HTTP answer; {@code json} is null when the body is not JSON. */
    record Response(int status, String body, JsonNode json) {
        int code() {
            return json.get("errorCode").asInt();
        }

        JsonNode get(String field) {
            return json.get(field);
        }

        JsonNode at(String pointer) {
            return json.at(pointer);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;

    WireClient(FxiaokeSandbox sandbox) {
        this.endpoint = sandbox.endpoint();
    }

    // ------------------------------------------------------------------ tokens

    static Map<String, Object> tokenBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("appId", FxiaokeSandbox.APP_ID);
        body.put("appSecret", FxiaokeSandbox.APP_SECRET);
        body.put("permanentCode", FxiaokeSandbox.PERMANENT_CODE);
        body.put("grantType", "app_secret");
        return body;
    }

    static Map<String, Object> legacyTokenBody() {
        Map<String, Object> body = tokenBody();
        body.remove("grantType");
        return body;
    }

    Response requestToken() {
        return post("/oauth2.0/token", tokenBody(), Map.of());
    }

    String accessToken() {
        Response r = requestToken();
        assertEquals(0, r.code(), r.body());
        return r.get("accessToken").asText();
    }

    String corpAccessToken() {
        Response r = post("/cgi/corpAccessToken/get/V2", legacyTokenBody(), Map.of());
        assertEquals(0, r.code(), r.body());
        return r.get("corpAccessToken").asText();
    }

    // ------------------------------------------------------------------ business calls

    static Map<String, String> auth(String token, String userId) {
        return Map.of("authorization", "Bearer " + token, "x-fs-ea", FxiaokeSandbox.EA, "x-fs-userid", userId);
    }

    /** A business call in new (header) style with a freshly issued or reused token. */
    Response call(String token, String userId, String path, Object body) {
        return post(path, body, auth(token, userId));
    }

    /** A business call in legacy style: token, corp id and acting user at the top level of the body. */
    Response legacyCall(String corpAccessToken, String userId, String path, Map<String, Object> body) {
        Map<String, Object> withAuth = new LinkedHashMap<>(body);
        withAuth.put("corpAccessToken", corpAccessToken);
        withAuth.put("corpId", FxiaokeSandbox.CORP_ID);
        withAuth.put("currentOpenUserId", userId);
        return post(path, withAuth, Map.of());
    }

    // ------------------------------------------------------------------ raw

    Response post(String path, Object body, Map<String, String> headers) {
        return send(request(path, "thirdTraceId=" + UUID.randomUUID(), body, headers));
    }

    Response postWithQuery(String path, String rawQuery, Object body, Map<String, String> headers) {
        return send(request(path, rawQuery, body, headers));
    }

    CompletableFuture<Response> postAsync(String path, Object body, Map<String, String> headers) {
        return http.sendAsync(request(path, "thirdTraceId=" + UUID.randomUUID(), body, headers),
                HttpResponse.BodyHandlers.ofString()).thenApply(WireClient::toResponse);
    }

    Response send(HttpRequest request) {
        try {
            return toResponse(http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder builder(String path, String rawQuery) {
        return HttpRequest.newBuilder(endpoint.resolve(path + (rawQuery == null ? "" : "?" + rawQuery)))
                .timeout(Duration.ofSeconds(10));
    }

    private HttpRequest request(String path, String rawQuery, Object body, Map<String, String> headers) {
        HttpRequest.Builder b = builder(path, rawQuery).header("Content-Type", "application/json");
        headers.forEach(b::header);
        try {
            return b.POST(HttpRequest.BodyPublishers.ofString(
                    body instanceof String s ? s : JSON.writeValueAsString(body))).build();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Response toResponse(HttpResponse<String> r) {
        JsonNode json;
        try {
            json = JSON.readTree(r.body());
        } catch (JsonProcessingException e) {
            json = null;
        }
        return new Response(r.statusCode(), r.body(), json);
    }
}
