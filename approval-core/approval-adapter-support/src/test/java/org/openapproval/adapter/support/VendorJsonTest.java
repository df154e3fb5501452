package org.openapproval.adapter.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VendorJsonTest {
    record Known(String name) {
    }

    record Times(Instant at, String name) {
    }

    private final ObjectMapper json = VendorJson.create();

    private Instant at(String value) throws Exception {
        return json.readValue("{\"at\":" + value + "}", Times.class).at();
    }

    @Test
    void numbersAndNumericStringsAreEpochMillis() throws Exception {
        Instant expected = Instant.ofEpochMilli(1_763_884_800_000L);
        assertEquals(expected, at("1763884800000"));
        assertEquals(expected, at("\"1763884800000\""));
        assertEquals(expected, at("1763884800000.0"));
    }

    @Test
    void isoStringsAreParsed() throws Exception {
        assertEquals(Instant.parse("2026-03-20T14:25:38Z"), at("\"2026-03-20T14:25:38.000Z\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "\"0\"", "\"\"", "\"  \"", "null", "-5"})
    void zeroBlankNullAndNegativeAreAbsent(String value) throws Exception {
        assertNull(at(value));
    }

    @Test
    void anythingElseIsAMappingError() {
        assertThrows(JsonMappingException.class, () -> at("\"yesterday\""));
        assertThrows(JsonMappingException.class, () -> at("\"99999999999999999999999\""));
        assertThrows(JsonMappingException.class, () -> at("true"));
    }

    @Test
    void unknownFieldsAreIgnoredAndNullsLeftOutOfRequests() throws Exception {
        assertEquals("x", json.readValue("{\"name\":\"x\",\"added\":1}", Times.class).name());
        assertEquals("{\"name\":\"x\"}", json.writeValueAsString(new Times(null, "x")));
    }

    @Test
    void everyClassSkipsUnknownFieldsInTheParserNotThroughATokenBuffer() throws Exception {
        // FAIL_ON_UNKNOWN_PROPERTIES off alone still buffers a record's unknown fields; the class-level ignoral skips them
        var config = json.getDeserializationConfig();
        var known = config.introspect(json.constructType(Known.class)).getClassInfo();
        assertEquals(true, config.getDefaultPropertyIgnorals(Known.class, known).getIgnoreUnknown());
        assertEquals(new Known("x"), json.readValue("{\"a\":{\"b\":[1,{\"c\":null}]},\"name\":\"x\",\"z\":[]}",
                Known.class));
    }
}
