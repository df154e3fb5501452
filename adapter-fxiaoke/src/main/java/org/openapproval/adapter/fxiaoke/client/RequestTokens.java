package org.openapproval.adapter.fxiaoke.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Request;

/** Reads back which token a sent request carried, so exactly that one is invalidated on error 20016. */
public final class RequestTokens {
    private RequestTokens() {
    }

    public static String bearer(Request request) {
        return BearerTokenInterceptor.tokenOf(request);
    }

    public static String corpAccessToken(Request request, ObjectMapper json) {
        return CorpAccessTokenInterceptor.tokenOf(request, json);
    }
}
