package org.headend.audit.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import org.headend.testing.Api;
import org.headend.testing.HeadendProcess;
import org.headend.testing.Names;
import org.headend.testing.SampleLadders;
import org.headend.testing.SharedHeadend;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedHeadend.class)
class AuditResourceIT {

    private HeadendProcess app;
    private Api admin;

    @BeforeEach
    void signIn(HeadendProcess app) {
        this.app = app;
        this.admin = app.admin();
    }

    @Test
    void changesAreAuditedWithWhoWhatAndWhichObjectButNoSecret() {
        String name = Names.unique("audited");
        JsonObject stream = admin.post(
                        "/api/v1/streams",
                        Json.createObjectBuilder().add("name", name).build())
                .json();
        String id = stream.getString("id");
        JsonObject rotated =
                admin.post("/api/v1/streams/" + id + "/rotate-key", "").json();
        assertEquals(204, admin.delete("/api/v1/streams/" + id).status());

        var trail = admin.get("/api/v1/audit?object=stream/" + id);
        assertEquals(200, trail.status(), trail.body());
        var items = trail.json().getJsonArray("items");
        assertEquals(3, items.size(), trail.body());
        assertEquals("stream.delete", items.getJsonObject(0).getString("action"), "newest first");
        assertEquals("stream.rotate-key", items.getJsonObject(1).getString("action"));
        assertEquals("stream.create", items.getJsonObject(2).getString("action"));
        assertEquals("admin", items.getJsonObject(2).getString("actor"));
        assertTrue(items.getJsonObject(2).getString("address").startsWith("127."), trail.body());
        assertFalse(trail.body().contains(stream.getString("streamKey")), "keys are never audited");
        assertFalse(trail.body().contains(rotated.getString("streamKey")));
    }

    @Test
    void failedSignInsAreAuditedWithoutThePassword() {
        String user = Names.unique("intruder");
        app.api().post("/api/v1/auth/token", "{\"username\":\"" + user + "\",\"password\":\"guess-123\"}");
        var trail = admin.get("/api/v1/audit?user=" + user).json().getJsonArray("items");
        assertEquals(1, trail.size());
        assertEquals("auth.sign-in.failed", trail.getJsonObject(0).getString("action"));
        assertFalse(trail.toString().contains("guess-123"));
    }

    @Test
    void theTrailFiltersByTimeAndExportsAsCsv() {
        Instant before = Instant.now().minusSeconds(1);
        String ladder = Names.unique("csv");
        admin.post("/api/v1/ladders", SampleLadders.oneRendition(ladder, 426, 240));

        var later = admin.get("/api/v1/audit?object=ladder/" + ladder + "&from="
                + Instant.now().plusSeconds(60));
        assertEquals(0, later.json().getJsonArray("items").size());
        var since = admin.get("/api/v1/audit?object=ladder/" + ladder + "&from=" + before);
        assertEquals(1, since.json().getJsonArray("items").size(), since.body());

        var csv = admin.get("/api/v1/audit.csv?object=ladder/" + ladder);
        assertEquals(200, csv.status());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        assertTrue(csv.body().startsWith("at,actor,address,action,object_type,object_id,detail\r\n"), csv.body());
        assertTrue(csv.body().contains(",admin,"), csv.body());
        assertTrue(csv.body().contains(",ladder.create,ladder," + ladder + ","), csv.body());

        assertEquals(400, admin.get("/api/v1/audit?from=yesterday").status());
    }
}
