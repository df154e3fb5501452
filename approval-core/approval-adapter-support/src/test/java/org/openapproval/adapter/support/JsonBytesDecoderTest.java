package org.openapproval.adapter.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import feign.Request;
import feign.Response;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonBytesDecoderTest {
    record Named(String name, List<Integer> values) {
    }

    private final JsonBytesDecoder decoder = new JsonBytesDecoder(VendorJson.create());

    private static Response answer(int status, byte[] body, Map<String, Collection<String>> headers) {
        Request request = Request.create(Request.HttpMethod.GET, "http://127.0.0.1:1/x", Map.of(), null,
                StandardCharsets.UTF_8, null);
        return Response.builder().status(status).request(request).headers(headers).body(body).build();
    }

    private static Response json(String body) {
        return answer(200, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    @Test
    void utf8AnswersAreReadFromTheirBytesIntoTheAskedType() throws Exception {
        assertEquals(new Named("审批", List.of(1, 2)), decoder.decode(json("{\"name\":\"审批\",\"values\":[1,2]}"),
                Named.class));
        assertEquals(new Named("again", List.of()), decoder.decode(json("{\"name\":\"again\",\"values\":[]}"),
                Named.class), "the cached reader serves the next answer");
    }

    @Test
    void aBodyDeclaredInAnotherCharsetIsDecodedInThatCharset() throws Exception {
        Charset gbk = Charset.forName("GBK");
        Response gbkAnswer = answer(200, "{\"name\":\"审批\"}".getBytes(gbk),
                Map.of("Content-Type", List.of("application/json; charset=GBK")));
        assertEquals(new Named("审批", null), decoder.decode(gbkAnswer, Named.class));
    }

    @Test
    void emptyBodiesAreNullAndNoContentOrNotFoundAreTheEmptyValue() throws Exception {
        assertNull(decoder.decode(json(""), Named.class));
        assertNull(decoder.decode(json("   "), Named.class));
        assertEquals(Optional.empty(), decoder.decode(answer(404, new byte[0], Map.of()),
                Optional.class));
        assertNull(decoder.decode(answer(204, new byte[0], Map.of()), Named.class));
    }

    @Test
    void malformedJsonIsAParseFailure() {
        assertThrows(JsonProcessingException.class, () -> decoder.decode(json("{\"name\":"), Named.class));
    }
}
