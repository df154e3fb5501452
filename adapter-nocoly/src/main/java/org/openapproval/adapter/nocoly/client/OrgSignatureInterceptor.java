package org.openapproval.adapter.nocoly.client;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import org.openapproval.adapter.support.QueryValues;
import java.time.Clock;
import java.util.List;

/**
 * Signs every organization-API request (and each retry) afresh: {@code appKey}, {@code timestamp}, {@code sign}.
 * The signature is computed over the raw values (the documented inputs); each parameter is percent-encoded
 * by hand, so a key holding {@code &}, {@code %} or braces can neither add a parameter nor break the URL.
 */
public final class OrgSignatureInterceptor implements RequestInterceptor {
    private final String appKey;
    private final String secretKey;
    private final Clock clock;

    public OrgSignatureInterceptor(String appKey, String secretKey, Clock clock) {
        this.appKey = appKey;
        this.secretKey = secretKey;
        this.clock = clock;
    }

    @Override
    public void apply(RequestTemplate template) {
        long timestamp = clock.millis();
        for (String name : List.of("appKey", "timestamp", "sign")) {
            template.query(name, List.of()); // clear the previous attempt's values
        }
        template.query("appKey", QueryValues.encode(appKey));
        template.query("timestamp", String.valueOf(timestamp));
        template.query("sign", QueryValues.encode(OrgSignature.sign(appKey, secretKey, timestamp)));
    }

    @Override
    public String toString() {
        return "OrgSignatureInterceptor[appKey=" + appKey + ", secretKey=****]";
    }
}
