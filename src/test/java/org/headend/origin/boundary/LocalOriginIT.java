package org.headend.origin.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import org.headend.testing.Api;
import org.headend.testing.Await;
import org.headend.testing.HeadendProcess;
import org.headend.testing.HlsMaster;
import org.headend.testing.Publisher;
import org.headend.testing.SampleStreams;
import org.headend.testing.SharedHeadend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The stream's own packager as an origin: shown with its pid and played from the stitched
 * playlist by relative paths; frozen with SIGSTOP while the only other origin is dead, the live
 * stream has no healthy origin and readiness says so.
 */
@ExtendWith(SharedHeadend.class)
class LocalOriginIT {

    @Test
    void theLocalPackagerIsAnOriginAndAStreamWithoutHealthyOriginIsNotReady(HeadendProcess app) throws Exception {
        Api api = app.admin();
        var stream = SampleStreams.passthrough(api, "local-origin");
        String name = stream.name();
        String origins = stream.path() + "/origins";
        try (Publisher publisher = Publisher.start(app.rtmpUrl(), stream.key(), 320, 180, 15)) {
            var added =
                    api.post(origins, "{\"name\":\"dead\",\"url\":\"http://127.0.0.1:9/index.m3u8\",\"priority\":5}");
            assertEquals(201, added.status(), added.body());
            JsonObject local = Await.until("the packager active as origin 'local'", Duration.ofSeconds(40), () -> {
                var reply = api.get(origins + "/local");
                return reply.status() == 200 && reply.json().getBoolean("active") ? reply.json() : null;
            });
            assertTrue(local.getBoolean("local"));
            long pid = local.getJsonNumber("pid").longValue();
            String media = HlsMaster.firstVariant(
                    api.get("/api/v1/streams/" + stream.id()).json().getString("playbackUrl"), Duration.ofSeconds(20));
            String playlist = Await.until("the packager's segments in " + media, Duration.ofSeconds(20), () -> {
                var reply = Api.fetch(media);
                return reply.status() == 200 && reply.body().contains("\n../") ? reply.body() : null;
            });
            String segment = playlist.lines()
                    .filter(l -> l.startsWith("../"))
                    .reduce((a, b) -> b)
                    .orElseThrow();
            assertEquals(200, Api.fetch(media.replace("index.m3u8", segment)).status(), "nginx serves " + segment);

            signal("STOP", pid);
            try {
                var notReady = Await.until("readiness down", Duration.ofSeconds(30), () -> {
                    var reply = app.api().get("/health/ready");
                    return reply.status() == 503 ? reply : null;
                });
                assertTrue(notReady.body().contains(name), notReady.body());
            } finally {
                signal("CONT", pid);
            }
            Await.until(
                    "readiness back",
                    Duration.ofSeconds(60),
                    () -> app.api().get("/health/ready").status() == 200);
        } finally {
            stream.close();
        }
    }

    private static void signal(String name, long pid) throws IOException, InterruptedException {
        assertEquals(
                0,
                new ProcessBuilder("kill", "-" + name, Long.toString(pid))
                        .start()
                        .waitFor());
    }
}
