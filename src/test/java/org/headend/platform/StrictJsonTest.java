package org.headend.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    static String refusal(String body) {
        var refused = assertThrows(ApiException.class, () -> StrictJson.parse(new StringReader(body)));
        assertEquals(400, refused.status());
        return refused.getMessage();
    }

    @Test
    void readsAnyJsonValueAsJsonPDoes() {
        String body =
                "{\"name\":\"townhall\",\"renditions\":[{\"height\":720,\"fps\":29.97}],\"public\":true,\"x\":null}";

        assertEquals(Json.createReader(new StringReader(body)).readValue(), StrictJson.parse(new StringReader(body)));
        assertEquals(JsonValue.NULL, StrictJson.parse(new StringReader(" null ")));
        assertEquals(Json.createValue("x"), StrictJson.parse(new StringReader("\"x\"")));
    }

    @Test
    void refusesADuplicateKeyNamingItAndWhereItIs() {
        assertEquals("Duplicate key 'name' in the body.", refusal("{\"name\":\"a\",\"name\":\"b\"}"));
        assertEquals(
                "Duplicate key 'height' in renditions[1].",
                refusal("{\"renditions\":[{\"height\":1},{\"height\":2,\"height\":3}]}"));
        // The same key written with an escape is the same key.
        assertEquals("Duplicate key 'a' in the body.", refusal("{\"a\":1,\"\\u0061\":2}"));
    }

    @Test
    void refusesDeepNestingWithoutExhaustingTheStack() {
        assertEquals("The JSON body nests deeper than 32 levels.", refusal("[".repeat(10_000)));
        assertEquals("The JSON body nests deeper than 32 levels.", refusal("{\"a\":".repeat(10_000)));
        String deepest = "[".repeat(StrictJson.MAX_DEPTH) + "]".repeat(StrictJson.MAX_DEPTH);
        assertEquals(
                Json.createValue(1).getValueType(),
                StrictJson.parse(new StringReader("1")).getValueType());
        assertEquals(
                JsonValue.ValueType.ARRAY,
                StrictJson.parse(new StringReader(deepest)).getValueType());
    }

    @Test
    void refusesEmptyTruncatedAndTrailingInput() {
        assertEquals("The request body is empty; a JSON value is required.", refusal(""));
        assertEquals("The request body is empty; a JSON value is required.", refusal("  \n"));
        assertTrue(refusal("{\"name\":").startsWith("Malformed JSON"));
        assertTrue(refusal("{\"a\":1,}").startsWith("Malformed JSON"));
        assertTrue(refusal("{} {}").startsWith("Malformed JSON"));
        assertTrue(refusal("[1] x").startsWith("Malformed JSON"));
        assertTrue(refusal("nul").startsWith("Malformed JSON"));
    }

    @Test
    void refusesNumbersWithAbsurdExponents() {
        assertEquals("The number in ttl is out of range.", refusal("{\"ttl\":1e999999999}"));
        assertEquals(
                JsonValue.ValueType.NUMBER,
                StrictJson.parse(new StringReader("1e99")).getValueType());
    }

    @Test
    void namesEachJsonType() {
        assertEquals("an array", StrictJson.describe(JsonValue.EMPTY_JSON_ARRAY));
        assertEquals("an object", StrictJson.describe(JsonValue.EMPTY_JSON_OBJECT));
        assertEquals("null", StrictJson.describe(JsonValue.NULL));
        assertEquals("a boolean", StrictJson.describe(JsonValue.TRUE));
        assertEquals("a string", StrictJson.describe(Json.createValue("x")));
        assertEquals("a number", StrictJson.describe(Json.createValue(1)));
    }
}
