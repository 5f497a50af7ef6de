package org.headend.platform;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a JSON request body strictly: unknown fields, missing fields and wrong types are refused
 * with a message that names the field, before anything is changed.
 */
public final class JsonBody {

    private final JsonObject json;

    private JsonBody(JsonObject json) {
        this.json = json;
    }

    public static JsonBody of(JsonObject json, Set<String> allowed) {
        if (json == null) {
            throw ApiException.badRequest("A JSON object body is required.");
        }
        var unknown = new TreeSet<>(json.keySet());
        unknown.removeAll(allowed);
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest("Unknown field(s) " + unknown + "; allowed: " + new TreeSet<>(allowed) + ".");
        }
        return new JsonBody(json);
    }

    public String requiredString(String field) {
        return optionalString(field).orElseThrow(() -> ApiException.badRequest("Field '" + field + "' is required."));
    }

    public Optional<String> optionalString(String field) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonString text)) {
            throw ApiException.badRequest("Field '" + field + "' must be a string.");
        }
        return Optional.of(text.getString());
    }

    public int requiredInt(String field) {
        return optionalInt(field).orElseThrow(() -> ApiException.badRequest("Field '" + field + "' is required."));
    }

    public Optional<Integer> optionalInt(String field) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            throw ApiException.badRequest("Field '" + field + "' must be a whole number.");
        }
        try {
            return Optional.of(number.intValueExact());
        } catch (ArithmeticException tooLarge) {
            throw ApiException.badRequest("Field '" + field + "' is out of range.");
        }
    }

    public Optional<Boolean> optionalBoolean(String field) {
        return value(field)
                .filter(v -> v.getValueType() != JsonValue.ValueType.NULL)
                .map(v -> {
                    if (v != JsonValue.TRUE && v != JsonValue.FALSE) {
                        throw ApiException.badRequest("Field '" + field + "' must be true or false.");
                    }
                    return v == JsonValue.TRUE;
                });
    }

    /** A nested object, read as strictly as the body itself. */
    public Optional<JsonBody> optionalObject(String field, Set<String> allowed) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonObject object)) {
            throw ApiException.badRequest("Field '" + field + "' must be an object.");
        }
        return Optional.of(of(object, allowed));
    }

    /** Refuses a body that would change a field that cannot change, such as a name in URLs. */
    public void requireUnchanged(String field, String current, String refusal) {
        optionalString(field).filter(value -> !value.equals(current)).ifPresent(value -> {
            throw ApiException.badRequest(refusal);
        });
    }

    public Optional<JsonValue> value(String field) {
        return Optional.ofNullable(json.get(field));
    }
}
