package org.headend.platform.boundary;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The bodies sent to every operation that reads JSON: each is refused whatever the operation, so
 * sending them with real ids changes nothing. No value is {@code null} (which clears a field) and
 * no object is empty (which some updates accept as "change nothing").
 */
final class MalformedBodies {

    static final String JSON = "application/json";

    /** A body, its content type (null: none) and the status it must get; {@code names}: the detail must say it. */
    record Body(String label, String contentType, byte[] bytes, int status, String names) {
        Body(String label, String contentType, String text, int status) {
            this(label, contentType, text.getBytes(StandardCharsets.UTF_8), status, null);
        }

        String excerpt() {
            String text = new String(bytes, StandardCharsets.UTF_8);
            return text.length() <= 80 ? text : text.substring(0, 80) + "… (" + bytes.length + " bytes)";
        }
    }

    private MalformedBodies() {}

    /** Malformed JSON and every JSON type but an object; none needs to know the operation. */
    static List<Body> anyOperation(Random random) {
        List<Body> bodies = new ArrayList<>(List.of(
                new Body("array", JSON, "[]", 400),
                new Body("null", JSON, "null", 400),
                new Body("number", JSON, "1", 400),
                new Body("string", JSON, "\"x\"", 400),
                new Body("boolean", JSON, "true", 400),
                new Body("empty", JSON, "", 400),
                new Body("blank", JSON, " \r\n", 400),
                new Body("truncated", JSON, "{\"name\":", 400),
                new Body("trailing comma", JSON, "{\"a\":1,}", 400),
                new Body("two values", JSON, "{\"a\":1} {\"a\":1}", 400),
                new Body("single quotes", JSON, "{'a':1}", 400),
                new Body("NaN", JSON, "{\"a\":NaN}", 400),
                new Body("deep arrays", JSON, "[".repeat(10_000), 400),
                new Body("deep objects", JSON, "{\"a\":".repeat(10_000), 400),
                new Body("huge exponent", JSON, "{\"a\":1e999999999}", 400),
                new Body("over 64 KiB", JSON, "{\"a\":\"" + "x".repeat(70_000) + "\"}", 413),
                new Body("not UTF-8", JSON, "{\"a\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1), 400, null),
                new Body("unknown field", JSON, "{\"zz-unknown\":1}", 400),
                new Body("no content type", null, "{\"a\":1}", 415),
                new Body("text/plain", "text/plain", "{\"a\":1}", 415),
                new Body("XML", "application/xml", "<a/>", 415),
                new Body("form", "application/x-www-form-urlencoded", "a=1", 415),
                new Body("unknown charset", JSON + "; charset=no-such", "{\"a\":1}", 415)));
        for (int i = 0; i < 3; i++) {
            bodies.add(new Body("random " + i, JSON, garbage(random), 400));
        }
        return bodies;
    }

    /** Bodies that name the operation's own fields: duplicated, huge, of the wrong type. */
    static List<Body> forFields(List<String> fields, Random random) {
        String first = fields.isEmpty() ? "name" : fields.get(0);
        List<Body> bodies = new ArrayList<>();
        byte[] duplicate = ("{\"" + first + "\":\"a\",\"" + first + "\":\"b\"}").getBytes(StandardCharsets.UTF_8);
        bodies.add(new Body("duplicate key", JSON, duplicate, 400, "'" + first + "'"));
        String huge = "y".repeat(60_000 + random.nextInt(1000));
        bodies.add(new Body(
                "huge string",
                JSON,
                Json.createObjectBuilder().add(first, huge).build().toString(),
                400));
        for (String field : fields) {
            bodies.add(new Body("wrong type: " + field + " array of arrays", JSON, "{\"" + field + "\":[[]]}", 400));
            bodies.add(
                    new Body("wrong type: " + field + " foreign object", JSON, "{\"" + field + "\":{\"zz\":1}}", 400));
        }
        return bodies;
    }

    /** Random JSON-ish characters that do not happen to form an object (which might be valid). */
    private static String garbage(Random random) {
        String alphabet = "{}[]\":,0123456789.eE+-truefalsn \\u\u00e9";
        while (true) {
            var text = new StringBuilder();
            int length = 1 + random.nextInt(40);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (!parsesAsObject(text.toString())) {
                return text.toString();
            }
        }
    }

    private static boolean parsesAsObject(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject;
        } catch (RuntimeException malformed) {
            return false;
        }
    }
}
