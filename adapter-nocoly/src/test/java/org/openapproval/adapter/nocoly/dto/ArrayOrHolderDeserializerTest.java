package org.openapproval.adapter.nocoly.dto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openapproval.adapter.support.VendorJson;

class ArrayOrHolderDeserializerTest {
    record Item(String id) {
    }

    record Answer(Integer status, @JsonDeserialize(using = Items.class) List<Item> data) {
    }

    static final class Items extends ArrayOrHolderDeserializer<Item> {
        private static final long serialVersionUID = 1L;

        Items() {
            super(Item.class, "list", "rows", "data");
        }
    }

    private final ObjectMapper json = VendorJson.create();

    private List<Item> data(String data) throws Exception {
        return json.readValue("{\"status\":1,\"data\":" + data + ",\"after\":2}", Answer.class).data();
    }

    @Test
    void anArrayIsTheList() throws Exception {
        assertEquals(List.of(new Item("a"), new Item("b")), data("[{\"id\":\"a\",\"x\":[1]},{\"id\":\"b\"}]"));
    }

    @Test
    void anObjectHoldsTheListUnderTheFirstNameInOrderOfPreference() throws Exception {
        assertEquals(List.of(new Item("l")), data("{\"data\":[{\"id\":\"d\"}],\"total\":{\"n\":1},\"list\":[{\"id\":\"l\"}]}"));
        assertEquals(List.of(new Item("r")), data("{\"list\":{\"id\":\"no array\"},\"rows\":[{\"id\":\"r\"}]}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "{}", "{\"other\":[{\"id\":\"o\"}]}", "3", "\"text\"", "[]"})
    void anythingElseIsTheEmptyList(String data) throws Exception {
        assertEquals(List.of(), data(data));
    }

    @Test
    void anAbsentListIsEmptyAndNullEntriesAreDropped() throws Exception {
        assertEquals(List.of(), json.readValue("{\"status\":1}", Answer.class).data());
        assertEquals(List.of(new Item("a")), data("[null,{\"id\":\"a\"},null]"));
    }

    @Test
    void anUnreadableEntryFailsTheRead() {
        assertThrows(JsonMappingException.class, () -> data("[{\"id\":\"a\"},[\"not an item\"]]"));
    }
}
