package org.headend.security.boundary;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.Serializable;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.headend.security.entity.ApiToken;

/** A personal API token as the API and the console show it: never its secret, never its hash. */
@Schema(name = "ApiTokenJson", description = "A personal API token, never its secret")
public record ApiTokenJson(
        String id,
        String name,
        String owner,
        String role,
        Instant createdAt,
        Instant expiresAt,
        Instant lastUsedAt,
        boolean expired)
        implements Serializable {

    static ApiTokenJson of(ApiToken token) {
        return new ApiTokenJson(
                token.id(),
                token.name(),
                token.owner(),
                token.role().id(),
                token.createdAt(),
                token.expiresAt(),
                token.lastUsedAt(),
                token.expiredAt(Instant.now()));
    }

    JsonObjectBuilder toJson() {
        var json = Json.createObjectBuilder()
                .add("id", id)
                .add("name", name)
                .add("owner", owner)
                .add("role", role)
                .add("createdAt", createdAt.toString())
                .add("expired", expired);
        add(json, "expiresAt", expiresAt);
        add(json, "lastUsedAt", lastUsedAt);
        return json;
    }

    private static void add(JsonObjectBuilder json, String field, Instant at) {
        if (at == null) {
            json.addNull(field);
        } else {
            json.add(field, at.toString());
        }
    }
}
