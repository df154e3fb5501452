package org.openapproval.sandbox.nocoly;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Raw HTTP to the sandbox, the way a client would speak to the vendor: plain {@link HttpClient} and
 * Jackson, no adapter classes. V3 calls carry the app's {@code HAP-Appkey}/{@code HAP-Sign} headers; org calls
 * are signed here with an implementation of the vendor algorithm independent of the sandbox's.
 */
final class WireClient {
    // Trailing tokens fail, so a truncated or plain-text body is not mistaken for JSON.
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    static final String BATCH = "/workflow/v1/instance/batch";
    static final String TODO = "/workflow/v1/instance/getTodoList";
    static final String PROCESSES = "/v3/app/workflow/processes";

    /** An HTTP answer; {@code json} is null when the body is not JSON. */
    record Response(int status, String body, JsonNode json) {
        /** V3 {@code error_code}. */
        int errorCode() {
            return json.get("error_code").asInt();
        }

        /** V3 or org {@code data}. */
        JsonNode data() {
            return json.get("data");
        }

        /** Org {@code status}. */
        int orgStatus() {
            return json.get("status").asInt();
        }

        /** Org {@code code} of a refusal. */
        int orgCode() {
            return json.get("code").asInt();
        }

        String message() {
            JsonNode m = json.has("error_msg") ? json.get("error_msg") : json.get("msg");
            return m == null ? null : m.asText();
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final Clock clock;

    WireClient(NocolySandbox sandbox, Clock clock) {
        this.endpoint = sandbox.endpoint();
        this.clock = clock;
    }

    // ------------------------------------------------------------------ V3

    static Map<String, String> appAuth() {
        return Map.of("HAP-Appkey", NocolySandbox.APP_KEY, "HAP-Sign", NocolySandbox.APP_SIGN);
    }

    Response get(String rawPath) {
        return v3("GET", rawPath, null, appAuth());
    }

    Response post(String rawPath, Object body) {
        return v3("POST", rawPath, body, appAuth());
    }

    Response v3(String method, String rawPath, Object body, Map<String, String> headers) {
        HttpRequest.Builder b = builder(rawPath);
        headers.forEach(b::header);
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(text(body)));
        }
        return send(b.build());
    }

    static String w5(String worksheetId, String rowId, String instanceId) {
        return "/v3/app/workflow/" + worksheetId + "/rows/" + rowId + "/approval/" + instanceId;
    }

    static String w4(String worksheetId, String rowId) {
        return "/v3/app/workflow/" + worksheetId + "/rows/" + rowId + "/approval/list";
    }

    // ------------------------------------------------------------------ org API

    /** The vendor algorithm (fact sheet §1.3), written here independently of the sandbox's verifier. */
    static String sign(String appKey, String secretKey, String timestamp) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    ("AppKey=" + appKey + "&SecretKey=" + secretKey + "&Timestamp=" + timestamp)
                            .getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return Base64.getEncoder().encodeToString(hex.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A query with appKey, sign, timestamp and accountId, signed with the sandbox's org key at {@code millis}. */
    static String orgQuery(String appKey, String secretKey, long millis, String accountId) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("appKey", appKey);
        q.put("sign", sign(appKey, secretKey, Long.toString(millis)));
        q.put("timestamp", Long.toString(millis));
        if (accountId != null) {
            q.put("accountId", accountId);
        }
        return query(q);
    }

    static String query(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return sb.toString();
    }

    /** An org call signed now (sandbox clock) for {@code accountId}. */
    Response org(String path, String accountId, Object body) {
        return orgWithQuery(path, orgQuery(NocolySandbox.ORG_APP_KEY, NocolySandbox.ORG_SECRET_KEY,
                clock.millis(), accountId), body);
    }

    Response orgWithQuery(String path, String rawQuery, Object body) {
        return send(builder(path + "?" + rawQuery).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text(body))).build());
    }

    // ------------------------------------------------------------------ raw

    HttpRequest.Builder builder(String rawPathAndQuery) {
        return HttpRequest.newBuilder(URI.create(endpoint + rawPathAndQuery)).timeout(Duration.ofSeconds(10));
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

    private static String text(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
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
