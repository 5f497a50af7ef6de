package org.headend.ingest.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.headend.testing.Api;
import org.headend.testing.Await;
import org.headend.testing.Ffprobe;
import org.headend.testing.HeadendProcess;
import org.headend.testing.Names;
import org.headend.testing.Publisher;
import org.headend.testing.SampleStreams;
import org.headend.testing.SharedHeadend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SRT and UDP inputs with real ffmpeg senders: the app's listener feeds the same pipeline as an
 * RTMP publisher, so the stream goes live, plays over HLS and goes offline with its sender.
 */
@ExtendWith(SharedHeadend.class)
class InputListenersIT {

    private static final String PASSPHRASE = "srt-input-secret-42";

    private HeadendProcess app;
    private Api api;
    private final List<SampleStreams.SampleStream> created = new ArrayList<>();

    @BeforeEach
    void signIn(HeadendProcess app) {
        this.app = app;
        this.api = app.admin();
    }

    @AfterEach
    void deleteStreams() {
        created.forEach(SampleStreams.SampleStream::close);
    }

    @Test
    void anSrtInputFeedsTheLadderAndOnlyItsPassphraseLetsASenderIn() throws Exception {
        JsonObject stream = create(SampleStreams.on(api)
                .unique("srt-in")
                .input(Json.createObjectBuilder().add("type", "srt").add("passphrase", PASSPHRASE)));
        JsonObject input = stream.getJsonObject("input");
        int port = input.getInt("port");
        assertTrue(port >= 8890 && port <= 8990, "a port from headend.input.srt.ports: " + port);
        assertTrue(input.getBoolean("encrypted"));
        assertEquals("srt://127.0.0.1:" + port, stream.getString("ingestUrl"));
        String path = "/api/v1/streams/" + stream.getString("id");
        awaitBound(port);

        try (Publisher wrong =
                Publisher.mpegTs("srt://127.0.0.1:" + port + "?passphrase=not-the-passphrase", 640, 360, 25)) {
            Await.until("the refusal to be explained", Duration.ofSeconds(20), () -> api.get(path)
                    .json()
                    .getJsonObject("input")
                    .getJsonObject("listener")
                    .toString()
                    .contains("wrong passphrase"));
            assertEquals("OFFLINE", api.get(path).json().getString("state"));
        }
        try (Publisher rtmp = Publisher.start(app.rtmpUrl(), stream.getString("streamKey"), 320, 180, 15)) {
            assertTrue(rtmp.awaitExit(Duration.ofSeconds(15)) != 0, "the RTMP key cannot publish to an SRT stream");
        }

        try (Publisher sender = Publisher.mpegTs(
                "srt://127.0.0.1:" + port + "?passphrase=" + PASSPHRASE + "&pkt_size=1316", 640, 360, 25)) {
            api.awaitState(path, "LIVE", Duration.ofSeconds(40));
            String playback = api.get(path).json().getString("playbackUrl");
            String seen = Await.until("the ladder to play", Duration.ofSeconds(30), () -> {
                try {
                    return Ffprobe.streams(playback);
                } catch (IOException | InterruptedException | AssertionError notYet) {
                    return null;
                }
            });
            assertTrue(seen.contains("h264,640,360") && seen.contains("aac"), seen);
            JsonObject listener = api.get(path).json().getJsonObject("input").getJsonObject("listener");
            assertEquals("RECEIVING", listener.getString("state"));
            assertTrue(listener.getJsonNumber("bytesReceived").longValue() > 0);
        }
        api.awaitState(path, "OFFLINE", Duration.ofSeconds(20));

        String everything = api.get(path).body()
                + api.get(path + "/input/log").body()
                + api.get("/api/v1/audit?object=stream").body()
                + app.api().get("/metrics").body();
        assertFalse(everything.contains(PASSPHRASE), "the passphrase is never shown");
        assertTrue(app.api()
                .get("/metrics")
                .body()
                .lines()
                .anyMatch(l -> l.startsWith("headend_input_listeners{")
                        && l.contains("state=\"LISTENING\"")
                        && l.contains("type=\"srt\"")
                        && !l.endsWith(" 0.0")));
    }

    @Test
    void udpInputsGoLiveWithTheirSenderUnicastAndMulticast() throws Exception {
        JsonObject unicast = create(SampleStreams.on(api)
                .unique("udp-in")
                .ladder("passthrough")
                .input(Json.createObjectBuilder().add("type", "udp")));
        int port = unicast.getJsonObject("input").getInt("port");
        assertTrue(port >= 5000 && port <= 5100, "a port from headend.input.udp.ports: " + port);
        String path = "/api/v1/streams/" + unicast.getString("id");
        awaitBound(port);
        try (Publisher sender = Publisher.mpegTs("udp://127.0.0.1:" + port + "?pkt_size=1316", 320, 180, 25)) {
            api.awaitState(path, "LIVE", Duration.ofSeconds(40));
        }
        api.awaitState(path, "OFFLINE", Duration.ofSeconds(20));

        String group = "239.255.42." + (1 + port % 250);
        JsonObject multicast = create(SampleStreams.on(api)
                .unique("mcast-in")
                .ladder("passthrough")
                .input(Json.createObjectBuilder()
                        .add("type", "udp")
                        .add("group", group)
                        .add("interface", "lo")));
        int groupPort = multicast.getJsonObject("input").getInt("port");
        assertEquals("udp://" + group + ":" + groupPort, multicast.getString("ingestUrl"));
        String groupPath = "/api/v1/streams/" + multicast.getString("id");
        awaitBound(groupPort);
        // Sent on loopback only: nothing leaves the machine.
        try (Publisher sender = Publisher.mpegTs(
                "udp://" + group + ":" + groupPort + "?ttl=1&localaddr=127.0.0.1&pkt_size=1316", 320, 180, 25)) {
            api.awaitState(groupPath, "LIVE", Duration.ofSeconds(40));
        }
    }

    @Test
    void badInputsAreRefusedBeforeAnythingStartsAndPortsAreNotShared() throws Exception {
        refused(400, "{\"type\":\"srt\",\"port\":80}", "8890-8990");
        refused(400, "{\"type\":\"udp\",\"port\":8890}", "headend.input.udp.ports");
        refused(400, "{\"type\":\"rtmp\",\"port\":5000}", "RTMP");
        refused(400, "{\"type\":\"srt\",\"passphrase\":\"short\"}", "10 to 79");
        refused(400, "{\"type\":\"udp\",\"passphrase\":\"long-enough-secret\"}", "SRT");
        refused(400, "{\"type\":\"udp\",\"group\":\"10.0.0.1\"}", "multicast");
        refused(400, "{\"type\":\"udp\",\"group\":\"example.com\"}", "multicast");
        refused(400, "{\"type\":\"udp\",\"group\":\"239.1.1.1\",\"interface\":\"nope0\"}", "interface");
        refused(400, "{\"type\":\"webrtc\"}", "srt");

        JsonObject first = create(SampleStreams.on(api)
                .unique("port-a")
                .input(Json.createObjectBuilder().add("type", "udp")));
        int taken = first.getJsonObject("input").getInt("port");
        refused(409, "{\"type\":\"udp\",\"port\":" + taken + "}", first.getString("name"));

        try (DatagramSocket other = bindOneIn(5000, 5100)) {
            int held = other.getLocalPort();
            refused(409, "{\"type\":\"udp\",\"port\":" + held + "}", "another program");
        }

        // Moving the input while offline: the listener follows, the old port is given back.
        String path = "/api/v1/streams/" + first.getString("id");
        awaitBound(taken);
        int target = freeIn(5000, 5100, taken);
        var moved = api.put(
                path,
                Json.createObjectBuilder()
                        .add(
                                "input",
                                Json.createObjectBuilder().add("type", "udp").add("port", target))
                        .build());
        assertEquals(200, moved.status(), moved.body());
        assertEquals(target, moved.json().getJsonObject("input").getInt("port"));
        awaitBound(target);
        Await.until("the old port to be free", Duration.ofSeconds(10), () -> isFree(taken));

        api.delete(path);
        created.removeIf(s -> s.id().equals(first.getString("id")));
        Await.until("the listener to end with its stream", Duration.ofSeconds(10), () -> isFree(target));
    }

    private void refused(int status, String input, String mentioning) {
        String name = Names.unique("bad-in");
        var reply = api.post("/api/v1/streams", "{\"name\":\"" + name + "\",\"input\":" + input + "}");
        assertEquals(status, reply.status(), input + " -> " + reply.body());
        assertTrue(reply.isProblem(), reply.contentType());
        assertTrue(reply.body().contains(mentioning), input + " -> " + reply.body());
        assertFalse(api.get("/api/v1/streams?size=200").body().contains(name), "nothing was created");
    }

    /** Creates the stream (201 or the test fails) and deletes it after the test. */
    private JsonObject create(SampleStreams stream) {
        var sample = stream.create();
        created.add(sample);
        return sample.json();
    }

    /** The listener is up once its port can no longer be bound. */
    private static void awaitBound(int port) {
        Await.until("a listener on port " + port, Duration.ofSeconds(15), () -> !isFree(port));
    }

    private static boolean isFree(int port) {
        try (var socket = new DatagramSocket(null)) {
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static int freeIn(int first, int last, int except) {
        for (int port = last; port >= first; port--) {
            if (port != except && isFree(port)) {
                return port;
            }
        }
        throw new AssertionError("no free UDP port in " + first + "-" + last);
    }

    private static DatagramSocket bindOneIn(int first, int last) throws IOException {
        for (int port = last; port >= first; port--) {
            try {
                return new DatagramSocket(port);
            } catch (IOException taken) {
                // Try the next one.
            }
        }
        throw new AssertionError("no free UDP port in " + first + "-" + last);
    }
}
