package org.openapproval.adapter.fxiaoke.dto;

/** Body of {@code POST /oauth2.0/token} (client-credentials grant). */
public record TokenRequest(String appId, String appSecret, String permanentCode, String grantType) {
    public static TokenRequest appSecret(String appId, String appSecret, String permanentCode) {
        return new TokenRequest(appId, appSecret, permanentCode, "app_secret");
    }

    @Override
    public String toString() {
        return "TokenRequest[appId=" + appId + ", appSecret=****, permanentCode=****, grantType=" + grantType + "]";
    }
}
