package org.openapproval.adapter.nocoly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openapproval.adapter.nocoly.client.EnvelopeCheckingDecoder;
import org.openapproval.adapter.nocoly.client.HapAppKeyInterceptor;
import org.openapproval.adapter.nocoly.client.HttpStatusErrorDecoder;
import org.openapproval.adapter.nocoly.client.NocolyErrorCodes;
import org.openapproval.adapter.nocoly.client.NocolyV3Api;
import org.openapproval.adapter.support.FeignClients;
import org.openapproval.adapter.support.VendorHttpClient;
import org.openapproval.adapter.support.VendorJson;
import org.openapproval.sandbox.nocoly.NocolySandbox;
import org.openapproval.core.domain.NotFoundException;

/**
 * Below the id check of the ports, the Feign client itself escapes every path segment: slashes, spaces,
 * plus signs, query and fragment markers and percent signs cannot change the request's path.
 */
class PathEscapingTest {
    private NocolySandbox sandbox;
    private VendorHttpClient http;
    private NocolyV3Api api;

    @BeforeEach
    void start() {
        sandbox = NocolySandbox.start(Clock.systemUTC());
        ObjectMapper json = VendorJson.create();
        Map<String, String> config = sandbox.connectionConfig();
        http = VendorHttpClient.open(sandbox.endpoint(), Duration.ofSeconds(5), "path-escaping-test");
        api = new FeignClients(http, json, Duration.ofSeconds(5), Duration.ofSeconds(5), PathEscapingTest.class)
                .builder(d -> new EnvelopeCheckingDecoder(d, org.openapproval.adapter.support.Scrubber.GENERIC))
                .errorDecoder(new HttpStatusErrorDecoder(json, org.openapproval.adapter.support.Scrubber.GENERIC))
                .requestInterceptor(new HapAppKeyInterceptor(config.get("app-key"), config.get("sign")))
                .target(NocolyV3Api.class, sandbox.endpoint().toString());
    }

    @AfterEach
    void stop() {
        http.close();
        sandbox.close();
    }

    @Test
    void everyPathSegmentIsPercentEncoded() {
        assertThrows(NotFoundException.class,
                () -> NocolyErrorCodes.FAILURES.call(() -> api.approval("a/b", "c d+e", "x?y#z%41")));
        String path = sandbox.requests().get(0).path();
        assertEquals("/v3/app/workflow/a%2Fb/rows/c%20d%2Be/approval/x%3Fy%23z%2541", path);
    }
}
