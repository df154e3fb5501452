package org.openapproval.adapter.fxiaoke.dto;

/** Answer of {@code /oauth2.0/token}: the access token, its remaining life in seconds and the enterprise account. */
public record TokenResponse(Integer errorCode, String errorMessage, String traceId, String accessToken,
                            Long expiresIn, String appId, String ea, String openUserId) implements FxiaokeEnvelope {
    @Override
    public String toString() {
        return "TokenResponse[errorCode=" + errorCode + ", traceId=" + traceId + ", accessToken=****, expiresIn="
                + expiresIn + ", ea=" + ea + "]";
    }
}
