package org.headend.ingest.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.headend.testing.Api;
import org.headend.testing.Await;
import org.headend.testing.ExternalNginx;
import org.headend.testing.FreePorts;
import org.headend.testing.HeadendProcess;
import org.headend.testing.HlsMaster;
import org.headend.testing.Publisher;
import org.headend.testing.SampleStreams;
import org.junit.jupiter.api.Test;

/**
 * With nginx-rtmp run apart ({@code HEADEND_NGINX_MANAGED=false}, as in Docker Compose), a
 * publisher stays connected while the app restarts: the next run adopts it, so the stream is LIVE
 * again, plays and feeds its output, and the publisher's leaving still ends it through publish_done.
 * Its own app and nginx-rtmp (the app is restarted on the same home and ports), a passthrough
 * ladder and a small source: the restart is the point, not the ladder.
 */
class PublisherAdoptionIT {

    private static final Duration LIVE_DEADLINE = Duration.ofSeconds(60);

    @Test
    void aPublisherConnectedAcrossARestartIsAdoptedAndItsLeavingStillEndsTheStream() throws Exception {
        Path home = Files.createTempDirectory("headend-it-");
        Publisher publisher = null;
        try (var nginx = ExternalNginx.forApp(home)) {
            Map<String, String> env = nginx.appEnvironment();
            String id;
            String output;
            try (var first = new HeadendProcess(home, env).start()) {
                Api api = first.admin();
                // Named for the log and the packager's path below; the app is this test's own.
                var stream = SampleStreams.on(api)
                        .name("adopted")
                        .ladder("passthrough")
                        .create();
                id = stream.id();
                output = api.post(
                                "/api/v1/streams/" + id + "/outputs",
                                Json.createObjectBuilder()
                                        .add("name", "lan")
                                        .add("url", "udp://127.0.0.1:" + FreePorts.next())
                                        .build())
                        .json()
                        .getString("id");
                publisher = Publisher.start(first.rtmpUrl(), stream.key(), 320, 180, 15);
                api.awaitState("/api/v1/streams/" + id + "/status", "LIVE", LIVE_DEADLINE);
            }
            assertTrue(publisher.isAlive(), "the publisher stays connected to nginx-rtmp while the app is down");

            try (var second = new HeadendProcess(home, env).start()) {
                Api api = second.admin();
                api.awaitState("/api/v1/streams/" + id + "/status", "LIVE", LIVE_DEADLINE);
                String master = api.get("/api/v1/streams/" + id).json().getString("playbackUrl");
                String variant = HlsMaster.firstVariant(master, Duration.ofSeconds(20));
                assertTrue(
                        Api.fetch(variant).body().contains("#EXTINF"), "the adopted stream's rendition has segments");
                Await.until("the output to run again", Duration.ofSeconds(30), () -> api.get(
                                "/api/v1/streams/" + id + "/outputs/" + output)
                        .json()
                        .getString("state")
                        .equals("LIVE"));
                assertEquals(
                        1,
                        second.children("ffmpeg").stream()
                                .filter(p -> p.info()
                                        .arguments()
                                        .map(a -> String.join(" ", a).contains("/adopted/"))
                                        .orElse(false))
                                .count(),
                        "one packager for the adopted stream");

                publisher.close();
                api.awaitState("/api/v1/streams/" + id + "/status", "OFFLINE", Duration.ofSeconds(15));
                // The app's log reaches the file a little later than the state changes.
                String log = Await.until(
                        "the adopted publisher's publish_done, matched by its client id, to end the stream",
                        Duration.ofSeconds(20),
                        () -> {
                            String text = logOf(second);
                            return text.contains("Publisher left stream " + id) ? text : null;
                        });
                assertTrue(log.contains("Adopted the publisher of stream adopted"), "the adoption is logged");
                assertFalse(log.contains("has no publisher in nginx-rtmp any more"), "not the statistics' fallback");
            }
        } finally {
            if (publisher != null) {
                publisher.close();
            }
        }
    }

    private static String logOf(HeadendProcess app) {
        try {
            return Files.readString(app.log());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
