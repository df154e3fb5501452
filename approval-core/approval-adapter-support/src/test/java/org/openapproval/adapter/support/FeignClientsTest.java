package org.openapproval.adapter.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import feign.Client;
import feign.Request;
import feign.RequestLine;
import feign.Response;
import feign.codec.Decoder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FeignClientsTest {
    interface Api {
        @RequestLine("POST /things")
        Thing create(Thing body);
    }

    record Thing(String name, java.time.Instant at) {
    }

    private final List<Request> sent = new ArrayList<>();
    private final List<Request.Options> options = new ArrayList<>();

    private final Client fake = (request, opts) -> {
        sent.add(request);
        options.add(opts);
        return Response.builder().status(200).request(request).headers(Map.of())
                .body("{\"name\":\"back\",\"at\":\"0\",\"extra\":1}", StandardCharsets.UTF_8).build();
    };

    @Test
    void clientsShareTheClientMapperAndTimeOutsAndPassAnswersThroughTheEnvelopeCheck() {
        List<String> checked = new ArrayList<>();
        FeignClients feign = new FeignClients(fake, VendorJson.create(), Duration.ofSeconds(2),
                Duration.ofSeconds(9), FeignClientsTest.class);
        Api api = feign.builder(json -> (Decoder) (response, type) -> {
            checked.add(response.request().url());
            return json.decode(response, type);
        }).target(Api.class, "http://127.0.0.1:1");

        Thing answer = api.create(new Thing("sent", null));

        assertEquals(new Thing("back", null), answer, "lenient: unknown field ignored, 0 is no instant");
        assertEquals(List.of("http://127.0.0.1:1/things"), checked);
        assertEquals("{\"name\":\"sent\"}", new String(sent.get(0).body(), StandardCharsets.UTF_8));
        assertEquals(2000, options.get(0).connectTimeoutMillis());
        assertEquals(9000, options.get(0).readTimeoutMillis());
        assertFalse(options.get(0).isFollowRedirects());
    }

    @Test
    void closingTheHttpClientEndsItsThreadsAndRefusesFurtherCalls() throws Exception {
        VendorHttpClient http = VendorHttpClient.open(URI.create("http://127.0.0.1:1"), Duration.ofSeconds(1), "t");
        assertFalse(http.isClosed());
        http.close();
        http.close(); // idempotent
        assertTrue(http.isClosed());
        Request request = ReadRetryerTest.REQUEST;
        assertThrows(IllegalStateException.class, () -> http.execute(request,
                new Request.Options(1, TimeUnit.SECONDS, 1, TimeUnit.SECONDS, false)));
    }
}
