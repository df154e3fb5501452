package org.openapproval.adapter.fxiaoke.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import feign.RequestInterceptor;
import feign.RequestTemplate;
import org.openapproval.adapter.support.AccessToken;
import org.openapproval.adapter.support.Scrubber;
import org.openapproval.adapter.support.TokenStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Legacy auth: no auth headers; {@code corpAccessToken}, {@code corpId} and {@code currentOpenUserId}
 * at the top level of the JSON body. The acting user arrives as the x-fs-userid header template and is
 * moved into the body (and kept there for a replay).
 */
public final class CorpAccessTokenInterceptor implements RequestInterceptor {
    static final String USER_HEADER = "x-fs-userid";
    static final String TOKEN_FIELD = "corpAccessToken";
    private final TokenStore.Lease tokens;
    private final Scrubber scrubber;
    private final ObjectMapper json;

    public CorpAccessTokenInterceptor(TokenStore.Lease tokens, ObjectMapper json, Scrubber scrubber) {
        this.tokens = tokens;
        this.scrubber = scrubber;
        this.json = json;
    }

    @Override
    public void apply(RequestTemplate template) {
        AccessToken token = tokens.get();
        scrubber.addToken(token.value()); // a vendor message that echoes the request must not show it
        ObjectNode body = bodyOf(template);
        var user = template.headers().get(USER_HEADER);
        if (user != null && !user.isEmpty()) {
            body.put("currentOpenUserId", user.iterator().next());
            template.removeHeader(USER_HEADER);
        }
        body.put(TOKEN_FIELD, token.value());
        body.put("corpId", token.account());
        // Legacy style defaults convertUserId to true (FSUID openUserIds). This provider speaks CRM employee
        // ids everywhere, so it asks for them (UNVERIFIED that the vendor honours it for currentOpenUserId).
        body.put("convertUserId", false);
        try {
            template.body(json.writeValueAsBytes(body), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode bodyOf(RequestTemplate template) {
        byte[] raw = template.body();
        if (raw == null || raw.length == 0) {
            return json.createObjectNode();
        }
        try {
            JsonNode node = json.readTree(raw);
            return node instanceof ObjectNode object ? object : json.createObjectNode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The token a request was sent with, read back from its body. */
    static String tokenOf(feign.Request request, ObjectMapper json) {
        byte[] raw = request.body();
        if (raw == null) {
            return "";
        }
        try {
            return json.readTree(raw).path(TOKEN_FIELD).asText("");
        } catch (IOException e) {
            return "";
        }
    }
}
