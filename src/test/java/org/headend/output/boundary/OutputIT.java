package org.headend.output.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.headend.testing.Api;
import org.headend.testing.Ffprobe;
import org.headend.testing.FreePorts;
import org.headend.testing.HeadendProcess;
import org.headend.testing.Publisher;
import org.headend.testing.RtmpDestination;
import org.headend.testing.SampleStreams;
import org.headend.testing.SharedHeadend;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Restream outputs with real peers: a second nginx-rtmp that is killed and brought back, and an
 * ffprobe reading a UDP output, while a real ffmpeg publishes.
 */
@ExtendWith(SharedHeadend.class)
class OutputIT {

    private static final String DESTINATION_KEY = "live_1234-secret-key";
    private static final String SRT_PASSPHRASE = "srt-secret-1234";

    private HeadendProcess app;
    private Api api;

    @BeforeEach
    void signIn(HeadendProcess app) {
        this.app = app;
        this.api = app.admin();
    }

    @Test
    void outputsFollowTheStreamAndALostDestinationIsLiveAgainSoonAfterItReturns() throws Exception {
        var stream = SampleStreams.passthrough(api, "restream");
        String outputs = stream.path() + "/outputs";
        try (RtmpDestination destination = new RtmpDestination()) {
            String rtmp = add(outputs, "youtube", destination.url(DESTINATION_KEY));
            int udpPort = FreePorts.next();
            String udp = add(outputs, "udp", "udp://127.0.0.1:" + udpPort);
            int srtPort = FreePorts.next();
            Path received = Files.createTempFile("headend-srt", ".ts");
            Process listener = new ProcessBuilder(
                            "ffmpeg",
                            "-hide_banner",
                            "-nostdin",
                            "-loglevel",
                            "error",
                            "-y",
                            "-i",
                            "srt://127.0.0.1:" + srtPort + "?mode=listener&passphrase=" + SRT_PASSPHRASE,
                            "-t",
                            "4",
                            "-c",
                            "copy",
                            "-f",
                            "mpegts",
                            received.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            add(outputs, "srt", "srt://127.0.0.1:" + srtPort + "?passphrase=" + SRT_PASSPHRASE);
            assertEquals("WAITING", state(outputs, rtmp), "an output waits for its stream");

            try (Publisher publisher = Publisher.start(app.rtmpUrl(), stream.key(), 320, 180, 15)) {
                api.awaitState(outputs + "/" + rtmp, "LIVE", Duration.ofSeconds(40));
                api.awaitState(outputs + "/" + udp, "LIVE", Duration.ofSeconds(10));
                assertTrue(
                        Ffprobe.streams(destination.url(DESTINATION_KEY)).contains("h264"),
                        "the copy reached the destination");
                assertTrue(
                        Ffprobe.streams("udp://127.0.0.1:" + udpPort + "?timeout=5000000")
                                .contains("h264"),
                        "UDP is received");

                JsonObject shown = api.get(outputs + "/" + rtmp).json();
                assertEquals(destination.url("***"), shown.getString("url"), "the stream key is masked");
                assertTrue(shown.getJsonNumber("bytesSent").longValue() > 0);

                int udpRestarts = api.get(outputs + "/" + udp).json().getInt("restarts");
                destination.kill();
                api.awaitState(outputs + "/" + rtmp, "RETRYING", Duration.ofSeconds(20));
                assertFalse(
                        api.get(outputs + "/" + rtmp)
                                .json()
                                .getString("lastError")
                                .isBlank(),
                        "says why");
                destination.start();
                long back = System.nanoTime();
                api.awaitState(outputs + "/" + rtmp, "LIVE", Duration.ofSeconds(10));
                long millis = (System.nanoTime() - back) / 1_000_000;
                assertTrue(
                        millis <= 3000,
                        "LIVE again " + millis + " ms after the destination returned; log: "
                                + api.get(outputs + "/" + rtmp + "/log").body());
                JsonObject other = api.get(outputs + "/" + udp).json();
                assertEquals("LIVE", other.getString("state"), "the other output is untouched");
                assertEquals(udpRestarts, other.getInt("restarts"));

                String everything = api.get(outputs + "/" + rtmp + "/log").body()
                        + api.get(outputs).body()
                        + api.get("/api/v1/audit?object=output").body();
                assertFalse(everything.contains(DESTINATION_KEY), "no key in log, status or audit");
                assertFalse(everything.contains(SRT_PASSPHRASE), "no passphrase in log, status or audit");
            }
            api.awaitState(outputs + "/" + rtmp, "WAITING", Duration.ofSeconds(20));
        } finally {
            stream.close();
            ProcessHandle.current()
                    .children()
                    .filter(p -> p.info().commandLine().orElse("").contains("mode=listener"))
                    .forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void badOutputsAreRefusedBeforeAnythingStarts() {
        var stream = SampleStreams.plain(api, "badout");
        String outputs = stream.path() + "/outputs";
        for (String url : new String[] {
            "http://example.com/x",
            "rtmp:///live/key",
            "udp://127.0.0.1",
            "rtmp://h/a b",
            "file:///etc/passwd",
            "srt://host:99999"
        }) {
            var refused = api.post(
                    outputs,
                    Json.createObjectBuilder().add("name", "x").add("url", url).build());
            assertEquals(400, refused.status(), url + ": " + refused.body());
            assertTrue(refused.isProblem());
        }
        add(outputs, "same", "udp://127.0.0.1:" + FreePorts.next());
        assertEquals(
                409,
                api.post(
                                outputs,
                                Json.createObjectBuilder()
                                        .add("name", "same")
                                        .add("url", "udp://127.0.0.1:9")
                                        .build())
                        .status());
        assertEquals(404, api.get("/api/v1/streams/no-such-stream/outputs").status());
        stream.close();
    }

    private String add(String outputs, String name, String url) {
        var created = api.post(
                outputs,
                Json.createObjectBuilder().add("name", name).add("url", url).build());
        assertEquals(201, created.status(), created.body());
        return created.json().getString("id");
    }

    private String state(String outputs, String id) {
        return api.get(outputs + "/" + id).json().getString("state");
    }
}
