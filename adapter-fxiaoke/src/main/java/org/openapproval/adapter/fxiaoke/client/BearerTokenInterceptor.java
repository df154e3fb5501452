package org.openapproval.adapter.fxiaoke.client;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import org.openapproval.adapter.support.AccessToken;
import org.openapproval.adapter.support.Scrubber;
import org.openapproval.adapter.support.TokenStore;

/** Client-credentials auth: {@code authorization: Bearer <token>} and {@code x-fs-ea}; x-fs-userid comes from the method. */
public final class BearerTokenInterceptor implements RequestInterceptor {
    static final String AUTHORIZATION = "authorization";
    static final String ENTERPRISE_ACCOUNT = "x-fs-ea";
    private final TokenStore.Lease tokens;
    private final Scrubber scrubber;

    public BearerTokenInterceptor(TokenStore.Lease tokens, Scrubber scrubber) {
        this.tokens = tokens;
        this.scrubber = scrubber;
    }

    @Override
    public void apply(RequestTemplate template) {
        AccessToken token = tokens.get();
        scrubber.addToken(token.value()); // a vendor message that echoes the request must not show it
        template.removeHeader(AUTHORIZATION);
        template.removeHeader(ENTERPRISE_ACCOUNT);
        template.headerLiteral(AUTHORIZATION, "Bearer " + token.value());
        template.headerLiteral(ENTERPRISE_ACCOUNT, token.account());
    }

    /** The token a request was sent with, to invalidate exactly that one on 20016. */
    static String tokenOf(feign.Request request) {
        var values = request.headers().get(AUTHORIZATION);
        if (values == null || values.isEmpty()) {
            return "";
        }
        String value = values.iterator().next();
        return value.startsWith("Bearer ") ? value.substring("Bearer ".length()) : value;
    }
}
