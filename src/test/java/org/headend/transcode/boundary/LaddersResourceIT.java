package org.headend.transcode.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.headend.testing.Api;
import org.headend.testing.HeadendProcess;
import org.headend.testing.Names;
import org.headend.testing.SampleLadders;
import org.headend.testing.SharedHeadend;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedHeadend.class)
class LaddersResourceIT {

    private Api api;

    @BeforeEach
    void signIn(HeadendProcess app) {
        api = app.admin();
    }

    @Test
    void theBuiltInLaddersAreThere() {
        var defaultLadder = api.get("/api/v1/ladders/default").json();
        assertEquals(3, defaultLadder.getJsonArray("renditions").size());
        assertTrue(defaultLadder.getBoolean("builtIn"));
        assertTrue(api.get("/api/v1/ladders/passthrough").json().getBoolean("passthrough"));
    }

    @Test
    void aValidLadderIsCreatedReplacedAndDeleted() {
        String name = Names.unique("mobile");
        var created = api.post("/api/v1/ladders", SampleLadders.oneRendition(name, 426, 240));
        assertEquals(201, created.status(), created.body());

        var replaced = api.put("/api/v1/ladders/" + name, SampleLadders.oneRendition(name, 640, 360));
        assertEquals(200, replaced.status(), replaced.body());
        assertEquals(
                360, replaced.json().getJsonArray("renditions").getJsonObject(0).getInt("height"));

        assertEquals(204, api.delete("/api/v1/ladders/" + name).status());
        assertEquals(404, api.get("/api/v1/ladders/" + name).status());
    }

    @Test
    void anInvalidLadderIsRefusedAndNotStored() {
        String name = Names.unique("odd");
        var odd = api.post("/api/v1/ladders", SampleLadders.oneRendition(name, 641, 360));
        assertEquals(400, odd.status());
        assertTrue(odd.isProblem());
        assertTrue(odd.json().getString("detail").contains("width"), odd.body());
        assertEquals(404, api.get("/api/v1/ladders/" + name).status());
    }

    @Test
    void eachRenditionAsksForAnEncoderAutoUnlessNamed() {
        String name = Names.unique("gpu");
        var created = api.post("/api/v1/ladders", withEncoder(name, "nvenc"));
        assertEquals(201, created.status(), created.body());
        assertEquals(
                "nvenc",
                firstRendition(api.get("/api/v1/ladders/" + name).json()).getString("encoder"));

        var replaced = api.put("/api/v1/ladders/" + name, SampleLadders.oneRendition(name, 640, 360));
        assertEquals("auto", firstRendition(replaced.json()).getString("encoder"), replaced.body());
        assertEquals(
                "auto",
                firstRendition(api.get("/api/v1/ladders/default").json()).getString("encoder"),
                "the built-in ladders, from before the column, let the host choose");
    }

    @Test
    void anUnknownEncoderIsRefusedAndNotStored() {
        String name = Names.unique("h265");
        var refused = api.post("/api/v1/ladders", withEncoder(name, "h265"));
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.isProblem());
        String detail = refused.json().getString("detail");
        assertTrue(detail.contains("renditions[0].encoder") && detail.contains("vaapi"), detail);
        assertEquals(404, api.get("/api/v1/ladders/" + name).status());
    }

    private static JsonObject withEncoder(String name, String encoder) {
        return Json.createObjectBuilder()
                .add("name", name)
                .add(
                        "renditions",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("name", "hd")
                                        .add("width", 1280)
                                        .add("height", 720)
                                        .add("videoKbps", 3000)
                                        .add("encoder", encoder)))
                .build();
    }

    private static JsonObject firstRendition(JsonObject ladder) {
        return ladder.getJsonArray("renditions").getJsonObject(0);
    }

    @Test
    void builtInLaddersCannotBeChangedOrDeleted() {
        assertEquals(409, api.delete("/api/v1/ladders/default").status());
        assertEquals(
                409,
                api.put("/api/v1/ladders/default", SampleLadders.oneRendition("default", 640, 360))
                        .status());
        assertEquals(
                3,
                api.get("/api/v1/ladders/default")
                        .json()
                        .getJsonArray("renditions")
                        .size());
    }

    @Test
    void aLadderInUseCannotBeDeleted() {
        String name = Names.unique("used");
        assertEquals(
                201,
                api.post("/api/v1/ladders", SampleLadders.oneRendition(name, 640, 360))
                        .status());
        var stream = api.post(
                "/api/v1/streams",
                Json.createObjectBuilder()
                        .add("name", Names.unique("s"))
                        .add("ladder", name)
                        .build());
        assertEquals(201, stream.status());
        assertEquals(409, api.delete("/api/v1/ladders/" + name).status());
    }
}
