package org.headend.security.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.headend.testing.Api;
import org.headend.testing.ApiUsers;
import org.headend.testing.HeadendProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An expired personal API token is refused, saying so. The app runs on its own H2 file opened
 * with AUTO_SERVER, so that the test can age a token in the database rather than wait its days.
 */
class ApiTokenExpiryIT {

    private static HeadendProcess app;
    private static String dbUrl;

    @BeforeAll
    static void start() throws IOException {
        Path home = Files.createTempDirectory("headend-expiry-it-");
        dbUrl = "jdbc:h2:file:" + home.resolve("db/headend") + ";AUTO_SERVER=TRUE";
        app = new HeadendProcess(home, Map.of("HEADEND_DB_URL", dbUrl)).start();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.stop();
        }
    }

    @Test
    void anExpiredTokenIsRefusedSayingSo() throws SQLException {
        Api admin = app.admin();
        var created = admin.post("/api/v1/tokens", "{\"name\":\"expiring\",\"expiresInDays\":1}")
                .json();
        Api token = app.api().as(created.getString("token"));
        assertEquals(200, token.get("/api/v1/streams").status());

        expire(created.getString("id"));

        var refused = token.get("/api/v1/streams");
        assertEquals(401, refused.status());
        assertTrue(refused.isProblem());
        assertEquals("The API token has expired.", refused.json().getString("detail"));
        var listed = ApiUsers.array(admin.get("/api/v1/tokens")).stream()
                .filter(t -> t.getString("id").equals(created.getString("id")))
                .findFirst()
                .orElseThrow();
        assertTrue(listed.getBoolean("expired"), listed.toString());
    }

    /** Moves a token's expiry into the past, as the passing of its days would. */
    private static void expire(String id) throws SQLException {
        try (var db = DriverManager.getConnection(dbUrl, "", "");
                var update = db.prepareStatement("UPDATE api_tokens SET expires_at = ? WHERE id = ?")) {
            update.setTimestamp(1, Timestamp.from(Instant.now().minus(Duration.ofHours(1))));
            update.setString(2, id);
            assertEquals(1, update.executeUpdate());
        }
    }
}
