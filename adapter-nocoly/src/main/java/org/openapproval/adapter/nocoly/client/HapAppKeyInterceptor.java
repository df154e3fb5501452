package org.openapproval.adapter.nocoly.client;

import feign.RequestInterceptor;
import feign.RequestTemplate;

/** V3 auth: the static {@code HAP-Appkey} and {@code HAP-Sign} headers from the app's authorization page. */
public final class HapAppKeyInterceptor implements RequestInterceptor {
    private final String appKey;
    private final String sign;

    public HapAppKeyInterceptor(String appKey, String sign) {
        this.appKey = appKey;
        this.sign = sign;
    }

    @Override
    public void apply(RequestTemplate template) {
        template.removeHeader("HAP-Appkey");
        template.removeHeader("HAP-Sign");
        template.headerLiteral("HAP-Appkey", appKey);
        template.headerLiteral("HAP-Sign", sign);
    }

    @Override
    public String toString() {
        return "HapAppKeyInterceptor[appKey=" + appKey + ", sign=****]";
    }
}
