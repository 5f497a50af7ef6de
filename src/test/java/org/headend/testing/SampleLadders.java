package org.headend.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** Ladder bodies for the API: small renditions with the cheapest preset, to spare the two cores. */
public final class SampleLadders {

    private SampleLadders() {}

    /** One rendition named "small" of the given size. */
    public static JsonObject oneRendition(String name, int width, int height) {
        return ladder(name, rendition("small", width, height, 400));
    }

    /** Three renditions, 360p, 270p and 180p, for a 640x360 source. */
    public static JsonObject threeSmall(String name) {
        return ladder(
                name,
                rendition("360p", 640, 360, 500),
                rendition("270p", 480, 270, 350),
                rendition("180p", 320, 180, 200));
    }

    /** Two renditions, 180p and 144p, for a 320x180 source: the least a ladder with a choice costs. */
    public static JsonObject twoTiny(String name) {
        return ladder(name, rendition("180p", 320, 180, 200), rendition("144p", 256, 144, 120));
    }

    /** 720p and 270p: for a 640x360 source the 720p is skipped and only the 270p is encoded. */
    public static JsonObject tallAndSmall(String name) {
        return ladder(name, rendition("720p", 1280, 720, 1500), rendition("270p", 480, 270, 350));
    }

    private static JsonObject ladder(String name, JsonObjectBuilder... renditions) {
        var list = Json.createArrayBuilder();
        for (JsonObjectBuilder r : renditions) {
            list.add(r);
        }
        return Json.createObjectBuilder()
                .add("name", name)
                .add("renditions", list)
                .build();
    }

    private static JsonObjectBuilder rendition(String name, int width, int height, int videoKbps) {
        return Json.createObjectBuilder()
                .add("name", name)
                .add("width", width)
                .add("height", height)
                .add("videoKbps", videoKbps)
                .add("audioKbps", 64)
                .add("maxFps", 30)
                .add("profile", "main")
                .add("preset", "ultrafast");
    }
}
