package org.headend.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class JsonBodyTest {

    static final Set<String> FIELDS = Set.of("name", "title", "width", "maxFps");

    static final JsonObject SAMPLE = Json.createObjectBuilder()
            .add("name", "townhall")
            .add("width", 1280)
            .addNull("title")
            .build();

    static String refusal(Executable call) {
        var refused = assertThrows(ApiException.class, call);
        assertEquals(400, refused.status());
        return refused.getMessage();
    }

    @Test
    void readsRequiredAndOptionalFields() {
        var cut = JsonBody.of(SAMPLE, FIELDS);

        assertEquals("townhall", cut.requiredString("name"));
        assertEquals(1280, cut.requiredInt("width"));
        assertEquals(Optional.empty(), cut.optionalString("title"));
        assertEquals(Optional.empty(), cut.optionalInt("maxFps"));
        assertEquals(Optional.of(Json.createValue("townhall")), cut.value("name"));
    }

    @Test
    void unknownFieldsAreRefusedByName() {
        var body = Json.createObjectBuilder()
                .add("name", "x")
                .add("zeta", 1)
                .add("alpha", true)
                .build();

        String message = refusal(() -> JsonBody.of(body, FIELDS));

        assertTrue(message.contains("[alpha, zeta]"), message);
    }

    @Test
    void aMissingBodyIsRefused() {
        assertTrue(refusal(() -> JsonBody.of(null, FIELDS)).contains("JSON object"));
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        var cut = JsonBody.of(SAMPLE, FIELDS);

        assertTrue(refusal(() -> cut.requiredString("title")).contains("'title'"));
        assertTrue(refusal(() -> cut.requiredInt("maxFps")).contains("'maxFps'"));
    }

    @Test
    void wrongTypesAreNamed() {
        var body = Json.createObjectBuilder()
                .add("name", 42)
                .add("title", JsonValue.TRUE)
                .add("width", "1280")
                .add("maxFps", 29.97)
                .build();
        var cut = JsonBody.of(body, FIELDS);

        assertTrue(refusal(() -> cut.requiredString("name")).contains("'name' must be a string"));
        assertTrue(refusal(() -> cut.optionalString("title")).contains("'title' must be a string"));
        assertTrue(refusal(() -> cut.requiredInt("width")).contains("'width' must be a whole number"));
        assertTrue(refusal(() -> cut.optionalInt("maxFps")).contains("'maxFps' must be a whole number"));
    }

    @Test
    void integersBeyondIntAreOutOfRange() {
        var cut = JsonBody.of(
                Json.createObjectBuilder().add("width", 3_000_000_000L).build(), FIELDS);

        assertTrue(refusal(() -> cut.requiredInt("width")).contains("'width' is out of range"));
    }
}
