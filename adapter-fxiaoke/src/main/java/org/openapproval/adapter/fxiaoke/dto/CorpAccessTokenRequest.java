package org.openapproval.adapter.fxiaoke.dto;

/** Body of the legacy {@code POST /cgi/corpAccessToken/get/V2}. */
public record CorpAccessTokenRequest(String appId, String appSecret, String permanentCode) {
    @Override
    public String toString() {
        return "CorpAccessTokenRequest[appId=" + appId + ", appSecret=****, permanentCode=****]";
    }
}
