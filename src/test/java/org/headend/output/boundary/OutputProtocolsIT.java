package org.headend.output.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.headend.testing.Api;
import org.headend.testing.Await;
import org.headend.testing.Ffprobe;
import org.headend.testing.FreePorts;
import org.headend.testing.HeadendProcess;
import org.headend.testing.ListeningPorts;
import org.headend.testing.Names;
import org.headend.testing.Publisher;
import org.headend.testing.RtmpDestination;
import org.headend.testing.SampleLadders;
import org.headend.testing.SampleStreams;
import org.headend.testing.SharedHeadend;
import org.headend.testing.TlsTerminator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The output paths OutputIT leaves out, each against a real peer: one rendition of the ladder
 * instead of the source, publishing to an RTSP server, RTMP over TLS; and the masking of keys and
 * passphrases in everything the API shows.
 */
@ExtendWith(SharedHeadend.class)
class OutputProtocolsIT {

    private static final String KEY = "secretkey123";
    private static final String PASSPHRASE = "srt-pass-98765";
    private static final String RTSP_PASSWORD = "rtsp-pw-4321";

    private HeadendProcess app;
    private Api api;

    @BeforeEach
    void signIn(HeadendProcess app) {
        this.app = app;
        this.api = app.admin();
    }

    @Test
    void aRenditionOutputDeliversThatRenditionNotTheSource() throws Exception {
        String ladder = Names.unique("outladder");
        assertEquals(
                201,
                api.post("/api/v1/ladders", SampleLadders.tallAndSmall(ladder)).status());
        var stream = SampleStreams.withLadder(api, "rendout", ladder);
        String outputs = stream.path() + "/outputs";
        try {
            int udpPort = FreePorts.next();
            String udp = "udp://127.0.0.1:" + udpPort;
            var unknown = api.post(
                    outputs, output("small", udp).add("rendition", "1080p").build());
            assertEquals(400, unknown.status(), unknown.body());
            assertTrue(unknown.isProblem());
            String detail = unknown.json().getString("detail");
            assertTrue(detail.contains("720p, 270p") && detail.contains("'1080p'"), detail);
            // Valid for the ladder, but skipped for this source: its playlist never appears.
            String skipped = add(outputs, "skipped", "udp://127.0.0.1:" + FreePorts.next(), "720p");

            var created = api.post(
                    outputs, output("small", udp).add("rendition", "270p").build());
            assertEquals(201, created.status(), created.body());
            String id = created.json().getString("id");
            assertEquals("270p", created.json().getString("rendition"));
            var badChange = api.put(
                    outputs + "/" + id,
                    Json.createObjectBuilder()
                            .add("url", udp)
                            .add("rendition", "1080p")
                            .build());
            assertEquals(400, badChange.status(), "a change is checked too: " + badChange.body());
            assertEquals("270p", api.get(outputs + "/" + id).json().getString("rendition"), "unchanged");

            try (Publisher publisher = Publisher.start(app.rtmpUrl(), stream.key(), 640, 360, 15)) {
                // No manual start: the output follows the stream, whose renditions come a few
                // seconds after the publisher does.
                awaitState(outputs, id, "LIVE", Duration.ofSeconds(60));
                String received = Ffprobe.streams(udp + "?timeout=5000000");
                assertTrue(
                        received.contains("h264,480,270"), "the 270p rendition, not the 640x360 source: " + received);
                assertTrue(received.contains("aac"), received);
                awaitState(outputs, skipped, "RETRYING", Duration.ofSeconds(20));
                String why = api.get(outputs + "/" + skipped).json().getString("lastError");
                assertTrue(why.startsWith("The rendition's playlist is not there"), why);
            }
        } finally {
            stream.close();
            api.delete("/api/v1/ladders/" + ladder);
        }
    }

    @Test
    void anRtspOutputPublishesToAnRtspServer() throws Exception {
        var stream = passthroughStream("rtspout");
        String outputs = stream.path() + "/outputs";
        int port = FreePorts.next();
        Path received = Files.createTempFile("headend-rtsp", ".ts");
        // ffmpeg as the RTSP server: it takes one publisher (ANNOUNCE/RECORD) and ends after 6 s.
        Process server = new ProcessBuilder(
                        "ffmpeg",
                        "-hide_banner",
                        "-nostdin",
                        "-loglevel",
                        "error",
                        "-y",
                        "-rtsp_flags",
                        "listen",
                        "-i",
                        "rtsp://127.0.0.1:" + port + "/live",
                        "-t",
                        "6",
                        "-c",
                        "copy",
                        "-f",
                        "mpegts",
                        received.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            // Waiting on the socket table, not on a connect: this server takes only one connection.
            Await.until("the RTSP server listens", Duration.ofSeconds(10), () -> ListeningPorts.tcp(port));
            String id = add(outputs, "rtsp", "rtsp://operator:" + RTSP_PASSWORD + "@127.0.0.1:" + port + "/live");
            try (Publisher publisher = Publisher.start(app.rtmpUrl(), stream.key(), 320, 180, 15)) {
                awaitState(outputs, id, "LIVE", Duration.ofSeconds(40));
                Await.until("the RTSP server has its 6 s", Duration.ofSeconds(30), () -> !server.isAlive());
                String media = Ffprobe.streams(received);
                assertTrue(media.contains("h264,320,180"), media);
                assertTrue(media.contains("aac"), media);
                assertNothingShows(outputs, id, RTSP_PASSWORD);
            }
        } finally {
            server.destroyForcibly();
            Files.deleteIfExists(received);
            stream.close();
        }
    }

    @Test
    void anRtmpsOutputReachesATlsRtmpServer() throws Exception {
        var stream = passthroughStream("rtmpsout");
        String outputs = stream.path() + "/outputs";
        try (RtmpDestination destination = new RtmpDestination();
                TlsTerminator tls = new TlsTerminator(destination.port())) {
            String id = add(outputs, "rtmps", "rtmps://127.0.0.1:" + tls.port() + "/dest/" + KEY);
            try (Publisher publisher = Publisher.start(app.rtmpUrl(), stream.key(), 320, 180, 15)) {
                awaitState(outputs, id, "LIVE", Duration.ofSeconds(40));
                String media = Ffprobe.streams(destination.url(KEY));
                assertTrue(media.contains("h264,320,180"), "came through TLS: " + media);
                assertEquals(
                        "rtmps://127.0.0.1:" + tls.port() + "/dest/***",
                        api.get(outputs + "/" + id).json().getString("url"));
                assertNothingShows(outputs, id, KEY);
            }
        } finally {
            stream.close();
        }
    }

    @Test
    void keysAndPassphrasesNeverShowInStatusChangesOrAudit() {
        var stream = passthroughStream("masked");
        String outputs = stream.path() + "/outputs";
        try {
            String rtmp = add(outputs, "rtmp", "rtmp://127.0.0.1:1/app/" + KEY);
            String srt = add(outputs, "srt", "srt://127.0.0.1:9?passphrase=" + PASSPHRASE + "&latency=200");
            var changed = api.put(
                    outputs + "/" + srt,
                    Json.createObjectBuilder()
                            .add("url", "srt://127.0.0.1:10?passphrase=" + PASSPHRASE + "&streamid=" + KEY)
                            .build());
            assertEquals(200, changed.status(), changed.body());
            assertEquals(
                    "srt://127.0.0.1:10?passphrase=***&streamid=***",
                    changed.json().getString("url"));
            assertEquals(
                    "rtmp://127.0.0.1:1/app/***",
                    api.get(outputs + "/" + rtmp).json().getString("url"));
            for (String id : new String[] {rtmp, srt}) {
                assertNothingShows(outputs, id, KEY);
                assertNothingShows(outputs, id, PASSPHRASE);
            }
        } finally {
            stream.close();
        }
    }

    /** The output, its log, the stream's list and the audit trail, none holding the secret. */
    private void assertNothingShows(String outputs, String id, String secret) {
        String output = api.get(outputs + "/" + id).body();
        String log = api.get(outputs + "/" + id + "/log").body();
        String audit = api.get("/api/v1/audit?object=output/" + id).body();
        assertTrue(audit.contains(id), "the audit trail has the output: " + audit);
        assertFalse(output.contains(secret), "GET output: " + output);
        assertFalse(log.contains(secret), "GET log: " + log);
        assertFalse(api.get(outputs).body().contains(secret), "GET outputs");
        assertFalse(audit.contains(secret), "GET audit");
    }

    private SampleStreams.SampleStream passthroughStream(String prefix) {
        return SampleStreams.passthrough(api, prefix);
    }

    private static jakarta.json.JsonObjectBuilder output(String name, String url) {
        return Json.createObjectBuilder().add("name", name).add("url", url);
    }

    private String add(String outputs, String name, String url) {
        return add(outputs, name, url, null);
    }

    private String add(String outputs, String name, String url, String rendition) {
        var body = output(name, url);
        if (rendition != null) {
            body.add("rendition", rendition);
        }
        var created = api.post(outputs, body.build());
        assertEquals(201, created.status(), created.body());
        return created.json().getString("id");
    }

    /** The kit's wait, plus the output's own ffmpeg log when it is late: why it did not get there. */
    private void awaitState(String outputs, String id, String state, Duration deadline) {
        try {
            api.awaitState(outputs + "/" + id, state, deadline);
        } catch (AssertionError late) {
            throw new AssertionError(
                    late.getMessage() + "; log: "
                            + api.get(outputs + "/" + id + "/log").body(),
                    late);
        }
    }
}
