package org.headend.platform;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;

/**
 * Parses a request body as exactly one JSON value, more strictly than JSON-P does: a key twice in
 * one object (which JSON-P silently resolves to the last), nesting deeper than {@link #MAX_DEPTH}
 * and numbers with absurd exponents (whose conversion to an integer could run for minutes) are
 * refused with a 400 that says where, before any resource sees the body.
 */
public final class StrictJson {

    /** No request body of the API nests more than four levels; deep nesting only costs stack. */
    static final int MAX_DEPTH = 32;

    /** Far beyond any real value, far below what makes {@code BigDecimal} conversions slow. */
    static final int MAX_EXPONENT = 1000;

    private static final int MAX_KEY_IN_MESSAGE = 64;

    private final JsonParser parser;
    private int depth;

    private StrictJson(JsonParser parser) {
        this.parser = parser;
    }

    /** The one JSON value the text holds, or an {@link ApiException} (400) saying what is wrong. */
    public static JsonValue parse(Reader text) {
        try (JsonParser parser = Json.createParser(nonBlank(text))) {
            var strict = new StrictJson(parser);
            JsonValue value = strict.value(parser.next(), "");
            if (parser.hasNext()) {
                throw ApiException.badRequest("Malformed JSON: more than one value in the body.");
            }
            return value;
        } catch (JsonParsingException malformed) {
            throw ApiException.badRequest("Malformed JSON: " + malformed.getMessage());
        } catch (JsonException unreadable) {
            // Parsson wraps the reader's failures, such as bytes that are not valid in the charset.
            throw ApiException.badRequest("The request body is not readable as JSON text: " + reason(unreadable));
        }
    }

    /** The text, or a 400 when it holds nothing but whitespace (JSON-P's complaint would be obscure). */
    private static Reader nonBlank(Reader text) {
        var in = new PushbackReader(text);
        try {
            int first = in.read();
            while (first == ' ' || first == '\t' || first == '\n' || first == '\r') {
                first = in.read();
            }
            if (first < 0) {
                throw ApiException.badRequest("The request body is empty; a JSON value is required.");
            }
            in.unread(first);
            return in;
        } catch (IOException unreadable) {
            throw ApiException.badRequest("The request body is not readable as JSON text: " + reason(unreadable));
        }
    }

    /** What a JSON type is called in a refusal: "an object", "null", ... */
    public static String describe(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case TRUE, FALSE -> "a boolean";
            case NULL -> "null";
        };
    }

    private JsonValue value(JsonParser.Event event, String where) {
        return switch (event) {
            case START_OBJECT -> object(where);
            case START_ARRAY -> array(where);
            case VALUE_STRING -> Json.createValue(parser.getString());
            case VALUE_NUMBER -> number(where);
            case VALUE_TRUE -> JsonValue.TRUE;
            case VALUE_FALSE -> JsonValue.FALSE;
            case VALUE_NULL -> JsonValue.NULL;
            default -> throw ApiException.badRequest("Malformed JSON: unexpected " + event + " in " + at(where) + ".");
        };
    }

    private JsonValue object(String where) {
        enter();
        JsonObjectBuilder object = Json.createObjectBuilder();
        Set<String> keys = new HashSet<>();
        for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_OBJECT; event = parser.next()) {
            String key = parser.getString();
            if (!keys.add(key)) {
                throw ApiException.badRequest("Duplicate key '" + shortened(key) + "' in " + at(where) + ".");
            }
            String inner = where.isEmpty() ? shortened(key) : where + "." + shortened(key);
            object.add(key, value(parser.next(), inner));
        }
        depth--;
        return object.build();
    }

    private JsonValue array(String where) {
        enter();
        JsonArrayBuilder array = Json.createArrayBuilder();
        int index = 0;
        for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_ARRAY; event = parser.next()) {
            array.add(value(event, where + "[" + index++ + "]"));
        }
        depth--;
        return array.build();
    }

    private JsonValue number(String where) {
        BigDecimal number = parser.getBigDecimal();
        if (Math.abs((long) number.scale()) > MAX_EXPONENT) {
            throw ApiException.badRequest("The number in " + at(where) + " is out of range.");
        }
        return Json.createValue(number);
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw ApiException.badRequest("The JSON body nests deeper than " + MAX_DEPTH + " levels.");
        }
    }

    /** Where a value is, for a refusal: "the body", "renditions[1]", "input.port". */
    private static String at(String where) {
        return where.isEmpty() ? "the body" : where;
    }

    private static String shortened(String key) {
        return key.length() <= MAX_KEY_IN_MESSAGE ? key : key.substring(0, MAX_KEY_IN_MESSAGE) + "…";
    }

    private static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
