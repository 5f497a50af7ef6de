package org.headend.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StrictJsonReaderTest {

    final StrictJsonReader cut = new StrictJsonReader();

    @SuppressWarnings({"unchecked", "rawtypes"})
    JsonValue read(Class<? extends JsonValue> type, MediaType mediaType, byte[] body) {
        return cut.readFrom((Class) type, type, new Annotation[0], mediaType, null, new ByteArrayInputStream(body));
    }

    JsonValue read(Class<? extends JsonValue> type, String body) {
        return read(type, MediaType.APPLICATION_JSON_TYPE, body.getBytes(StandardCharsets.UTF_8));
    }

    static ApiException refusal(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(ApiException.class, call);
    }

    @Test
    void readsAnObjectWhereAnObjectIsExpected() {
        JsonObject read = (JsonObject) read(JsonObject.class, "{\"name\":\"é\"}");

        assertEquals("é", read.getString("name"));
        assertTrue(cut.isReadable(JsonObject.class, JsonObject.class, null, MediaType.APPLICATION_JSON_TYPE));
        assertTrue(cut.isReadable(JsonValue.class, JsonValue.class, null, MediaType.APPLICATION_JSON_TYPE));
        assertFalse(cut.isReadable(String.class, String.class, null, MediaType.APPLICATION_JSON_TYPE));
    }

    @Test
    void refusesEveryOtherJsonTypeNamingBoth() {
        for (var body : new String[] {"[]", "null", "1", "\"x\"", "true"}) {
            var refused = refusal(() -> read(JsonObject.class, body));
            assertEquals(400, refused.status(), body);
            assertTrue(refused.getMessage().startsWith("The body must be a JSON object; it is "), refused.getMessage());
        }
        assertEquals(
                "The body must be a JSON array; it is an object.",
                refusal(() -> read(JsonArray.class, "{}")).getMessage());
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        byte[] latin1 = "{\"name\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);

        var refused = refusal(() -> read(JsonObject.class, MediaType.APPLICATION_JSON_TYPE, latin1));

        assertEquals(400, refused.status());
        assertTrue(refused.getMessage().startsWith("The request body is not readable as JSON text"));
    }

    @Test
    void readsTheDeclaredCharsetAndRefusesAnUnknownOneWith415() {
        var utf16 = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-16");
        assertEquals(
                "x",
                ((JsonObject) read(JsonObject.class, utf16, "{\"a\":\"x\"}".getBytes(StandardCharsets.UTF_16)))
                        .getString("a"));

        var bogus = MediaType.APPLICATION_JSON_TYPE.withCharset("no-such-charset");
        assertEquals(
                415,
                refusal(() -> read(JsonObject.class, bogus, "{}".getBytes(StandardCharsets.UTF_8)))
                        .status());
    }

    @Test
    void refusesDuplicateKeysAndDeepNesting() {
        assertEquals(
                "Duplicate key 'name' in the body.",
                refusal(() -> read(JsonObject.class, "{\"name\":\"a\",\"name\":\"b\"}"))
                        .getMessage());
        assertEquals(
                400, refusal(() -> read(JsonObject.class, "[".repeat(10_000))).status());
    }
}
