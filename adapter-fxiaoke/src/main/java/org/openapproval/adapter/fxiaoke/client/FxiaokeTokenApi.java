package org.openapproval.adapter.fxiaoke.client;

import feign.Headers;
import feign.RequestLine;
import org.openapproval.adapter.fxiaoke.dto.CorpAccessTokenRequest;
import org.openapproval.adapter.fxiaoke.dto.CorpAccessTokenResponse;
import org.openapproval.adapter.fxiaoke.dto.TokenRequest;
import org.openapproval.adapter.fxiaoke.dto.TokenResponse;

/** The two token endpoints: client credentials (default) and the legacy corpAccessToken. */
@Headers("Content-Type: application/json")
public interface FxiaokeTokenApi {

    @RequestLine("POST /oauth2.0/token")
    TokenResponse token(TokenRequest body);

    @RequestLine("POST /cgi/corpAccessToken/get/V2")
    CorpAccessTokenResponse corpAccessToken(CorpAccessTokenRequest body);
}
