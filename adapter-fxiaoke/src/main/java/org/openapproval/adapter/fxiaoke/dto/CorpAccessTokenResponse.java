package org.openapproval.adapter.fxiaoke.dto;

/** Answer of the legacy token call: {@code corpAccessToken} and {@code corpId} go into every business body. */
public record CorpAccessTokenResponse(Integer errorCode, String errorMessage, String traceId, String corpAccessToken,
                                      String corpId, Long expiresIn) implements FxiaokeEnvelope {
    @Override
    public String toString() {
        return "CorpAccessTokenResponse[errorCode=" + errorCode + ", traceId=" + traceId
                + ", corpAccessToken=****, corpId=" + corpId + ", expiresIn=" + expiresIn + "]";
    }
}
