package org.headend.platform.boundary;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The operations the app's own OpenAPI document lists: method, path template, parameters and
 * whether a JSON body is read, with the body's field names when the document has its schema.
 * Independent of operation ids and tags, which change as the document improves.
 */
final class OpenApiOperations {

    static final List<String> METHODS = List.of("GET", "PUT", "POST", "DELETE", "PATCH");

    record Param(String name, String in, String type) {}

    record Operation(String method, String template, List<Param> params, boolean hasBody, Set<String> fields) {

        List<Param> in(String where) {
            return params.stream().filter(p -> p.in().equals(where)).toList();
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    private OpenApiOperations() {}

    static List<Operation> of(JsonObject document) {
        List<Operation> operations = new ArrayList<>();
        JsonObject schemas = document.getJsonObject("components") == null
                ? JsonValue.EMPTY_JSON_OBJECT
                : document.getJsonObject("components")
                        .getOrDefault("schemas", JsonValue.EMPTY_JSON_OBJECT)
                        .asJsonObject();
        document.getJsonObject("paths")
                .forEach((template, item) -> item.asJsonObject().forEach((method, value) -> {
                    if (!METHODS.contains(method.toUpperCase(Locale.ROOT))) {
                        return;
                    }
                    JsonObject operation = value.asJsonObject();
                    List<Param> params = new ArrayList<>();
                    for (JsonValue p : operation
                            .getOrDefault("parameters", JsonValue.EMPTY_JSON_ARRAY)
                            .asJsonArray()) {
                        JsonObject param = p.asJsonObject();
                        JsonObject schema = param.getOrDefault("schema", JsonValue.EMPTY_JSON_OBJECT)
                                .asJsonObject();
                        params.add(new Param(
                                param.getString("name"), param.getString("in"), schema.getString("type", "string")));
                    }
                    JsonObject body = operation.getJsonObject("requestBody");
                    operations.add(new Operation(
                            method.toUpperCase(Locale.ROOT),
                            template,
                            params,
                            body != null,
                            body == null ? Set.of() : fields(body, schemas)));
                }));
        return operations;
    }

    /** Whether the template {@code general} also matches the paths of {@code specific}. */
    static boolean matches(String general, String specific) {
        String[] g = general.split("/");
        String[] s = specific.split("/");
        if (g.length != s.length) {
            return false;
        }
        for (int i = 0; i < g.length; i++) {
            if (!g[i].equals(s[i]) && !g[i].matches("\\{[^}]+}")) {
                return false;
            }
        }
        return true;
    }

    /** The property names of the JSON body's schema, following one {@code $ref}; empty when unknown. */
    private static Set<String> fields(JsonObject body, JsonObject schemas) {
        JsonObject content =
                body.getOrDefault("content", JsonValue.EMPTY_JSON_OBJECT).asJsonObject();
        JsonValue json = content.get("application/json");
        if (!(json instanceof JsonObject media) || !(media.get("schema") instanceof JsonObject schema)) {
            return Set.of();
        }
        if (schema.containsKey("$ref")) {
            String name = schema.getString("$ref").replaceFirst(".*/", "");
            schema = schemas.getOrDefault(name, JsonValue.EMPTY_JSON_OBJECT).asJsonObject();
        }
        return schema.get("properties") instanceof JsonObject properties
                ? new TreeSet<>(properties.keySet())
                : Set.of();
    }
}
