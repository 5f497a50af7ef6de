package org.headend.security.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.headend.testing.HeadendProcess;
import org.headend.testing.SharedHeadend;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedHeadend.class)
class AuthIT {

    @Test
    void rightPasswordGivesABearerTokenWithTheAdminGroup(HeadendProcess app) {
        var reply = app.api()
                .post(
                        "/api/v1/auth/token",
                        "{\"username\":\"admin\",\"password\":\"" + HeadendProcess.ADMIN_PASSWORD + "\"}");
        assertEquals(200, reply.status(), reply.body());
        assertEquals("Bearer", reply.json().getString("token_type"));
        assertTrue(reply.json().getInt("expires_in") > 0);
        String payload = new String(Base64.getUrlDecoder()
                .decode(reply.json().getString("access_token").split("\\.")[1]));
        assertTrue(payload.contains("\"groups\":[\"admin\"]"), payload);
        assertTrue(payload.contains("\"upn\":\"admin\""), payload);
    }

    @Test
    void wrongPasswordAndUnknownUserAreRefusedAlike(HeadendProcess app) {
        var wrong = app.api().post("/api/v1/auth/token", "{\"username\":\"admin\",\"password\":\"nope\"}");
        var unknown = app.api().post("/api/v1/auth/token", "{\"username\":\"ghost\",\"password\":\"nope\"}");
        assertEquals(401, wrong.status());
        assertTrue(wrong.isProblem());
        assertEquals(wrong.json().getString("detail"), unknown.json().getString("detail"));
        assertTrue(!wrong.body().contains("nope"), "the password is never echoed");
    }

    @Test
    void missingFieldsAreABadRequest(HeadendProcess app) {
        var reply = app.api().post("/api/v1/auth/token", "{\"username\":\"admin\"}");
        assertEquals(400, reply.status());
        assertTrue(reply.json().getString("detail").contains("password"));
    }

    @Test
    void everyApiCallNeedsAToken(HeadendProcess app) {
        for (String path : List.of("/api/v1/streams", "/api/v1/ladders")) {
            var reply = app.api().get(path);
            assertEquals(401, reply.status(), path);
            assertTrue(reply.isProblem(), path);
        }
    }

    @Test
    void aForgedTokenIsRefused(HeadendProcess app) {
        var reply = app.api()
                .as("eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiIsImdyb3VwcyI6WyJhZG1pbiJdfQ.")
                .get("/api/v1/streams");
        assertEquals(401, reply.status());
        assertEquals("The token is not valid.", reply.json().getString("detail"));
    }

    @Test
    void anExpiredTokenIsRefusedSayingSo(HeadendProcess app) throws Exception {
        String pem = Files.readString(app.home().resolve("keys/jwt-private.pem"))
                .replaceAll("-----[A-Z ]+-----", "")
                .replaceAll("\\s", "");
        var key = KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        var claims = new JwtClaims();
        claims.setIssuer("headend");
        claims.setSubject("admin");
        claims.setStringListClaim("groups", "admin");
        claims.setExpirationTime(NumericDate.fromSeconds(System.currentTimeMillis() / 1000 - 3600));
        var jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);

        var reply = app.api().as(jws.getCompactSerialization()).get("/api/v1/streams");

        assertEquals(401, reply.status());
        assertEquals("The token has expired.", reply.json().getString("detail"));
    }
}
