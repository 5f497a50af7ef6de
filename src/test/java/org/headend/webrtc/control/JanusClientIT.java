package org.headend.webrtc.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.headend.testing.Await;
import org.headend.testing.WebRtcNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Janus client against a real Janus 1.1.2 configured as the app configures it: sessions,
 * handles, requests answered at once and as later events (with the plugin's SDP), plugin errors,
 * the secret, and sessions lost when Janus dies. Each test leaves no session in Janus.
 */
class JanusClientIT {

    private static LocalJanus janus;
    private static JanusClient cut;

    @BeforeAll
    static void startJanus() {
        janus = new LocalJanus().start();
        cut = janus.client();
    }

    @AfterAll
    static void stopJanus() throws Exception {
        if (cut != null) {
            cut.closeAll();
        }
        if (janus != null) {
            janus.close();
        }
    }

    @AfterEach
    void noSessionIsLeftInJanus() throws JanusException {
        assertEquals(List.of(), cut.janusSessions(), "sessions left in Janus");
        assertEquals(0, cut.openSessions());
    }

    @Test
    void onlyThePluginsAndTransportHeadendUsesAreLoaded() throws JanusException {
        JsonObject info = cut.info();
        assertEquals("1.1.2", info.getString("version_string"));
        assertEquals(
                List.of("janus.plugin.streaming", "janus.plugin.videoroom"),
                info.getJsonObject("plugins").keySet().stream().sorted().toList());
        assertEquals(
                List.of("janus.transport.http"),
                List.copyOf(info.getJsonObject("transports").keySet()));
        assertTrue(cut.answers().join());
    }

    @Test
    void aVideoRoomAnswersAtOnceAndThroughEvents() throws JanusException {
        var gone = new CompletableFuture<String>();
        try (JanusSession session = cut.open()) {
            assertTrue(cut.janusSessions().contains(session.id()), "Janus knows the session");
            JanusHandle handle = session.attach("janus.plugin.videoroom", new HandleListener() {
                @Override
                public void gone(String reason) {
                    gone.complete(reason);
                }
            });
            long room = ThreadLocalRandom.current().nextLong(1, 1L << 40);
            // "create" is answered in the HTTP reply itself.
            PluginReply created = handle.request(Json.createObjectBuilder()
                    .add("request", "create")
                    .add("room", room)
                    .build());
            assertEquals("created", created.data().getString("videoroom"));
            assertFalse(created.hasJsep());
            // "join" is acknowledged, then answered by an event of the long poll.
            PluginReply joined = handle.request(
                    Json.createObjectBuilder()
                            .add("request", "join")
                            .add("ptype", "publisher")
                            .add("room", room)
                            .build(),
                    null,
                    JanusHandle.ANSWER_TIMEOUT);
            assertEquals("joined", joined.data().getString("videoroom"));
            assertEquals(room, joined.data().getJsonNumber("room").longValue());

            var missing = assertThrows(
                    JanusException.class,
                    () -> handle.request(Json.createObjectBuilder()
                            .add("request", "destroy")
                            .add("room", room + 1)
                            .build()));
            assertEquals(426, missing.code(), "no such room: " + missing.getMessage());

            handle.request(Json.createObjectBuilder()
                    .add("request", "destroy")
                    .add("room", room)
                    .build());
            handle.detach();
            // Our detach's reply or Janus's "detached" event, whichever came first: told once.
            String reason = gone.getNow("");
            assertTrue(reason.startsWith("detached"), reason);
        }
    }

    @Test
    void aStreamingMountpointOffersAnSdp() throws Exception {
        try (JanusSession session = cut.open()) {
            JanusHandle admin = session.attach("janus.plugin.streaming", HandleListener.NONE);
            long id = ThreadLocalRandom.current().nextLong(1, 1L << 40);
            admin.request(Json.createObjectBuilder()
                    .add("request", "create")
                    .add("type", "rtp")
                    .add("id", id)
                    .add(
                            "media",
                            Json.createArrayBuilder()
                                    .add(Json.createObjectBuilder()
                                            .add("type", "video")
                                            .add("mid", "v")
                                            .add("codec", "h264")
                                            .add("pt", 96)
                                            .add("fmtp", "profile-level-id=42e01f;packetization-mode=1")
                                            .add("port", 0)))
                    .build());
            JanusHandle viewer = session.attach("janus.plugin.streaming", HandleListener.NONE);
            PluginReply offer = viewer.request(
                    Json.createObjectBuilder()
                            .add("request", "watch")
                            .add("id", id)
                            .build(),
                    null,
                    JanusHandle.ANSWER_TIMEOUT);
            assertTrue(offer.hasJsep(), "the Streaming plugin makes the offer: " + offer);
            assertEquals("offer", offer.jsep().getString("type"));
            assertTrue(offer.sdp().contains("m=video") && offer.sdp().contains("H264/90000"), offer.sdp());
            viewer.detach();
            admin.request(Json.createObjectBuilder()
                    .add("request", "destroy")
                    .add("id", id)
                    .build());
        }
    }

    /**
     * headend.webrtc.interface in effect: a Janus told to gather on a veth pair of its own offers
     * host candidates on that interface's address, and on no other.
     */
    @Test
    void candidatesAreGatheredOnTheConfiguredInterfaceOnly() throws Exception {
        try (var network = WebRtcNetwork.create();
                var onVeth = new LocalJanus(s -> s.iceInterface = Optional.of(network.janusInterface())).start()) {
            JanusClient client = onVeth.client();
            try (JanusSession session = client.open()) {
                JanusHandle streaming = session.attach("janus.plugin.streaming", HandleListener.NONE);
                long id = ThreadLocalRandom.current().nextLong(1, 1L << 40);
                streaming.request(Json.createObjectBuilder()
                        .add("request", "create")
                        .add("type", "rtp")
                        .add("id", id)
                        .add(
                                "media",
                                Json.createArrayBuilder()
                                        .add(Json.createObjectBuilder()
                                                .add("type", "audio")
                                                .add("mid", "a")
                                                .add("codec", "opus")
                                                .add("pt", 111)
                                                .add("port", 0)))
                        .build());
                JanusHandle viewer = session.attach("janus.plugin.streaming", HandleListener.NONE);
                String sdp = viewer.request(
                                Json.createObjectBuilder()
                                        .add("request", "watch")
                                        .add("id", id)
                                        .build(),
                                null,
                                JanusHandle.ANSWER_TIMEOUT)
                        .sdp();
                List<String> candidates =
                        sdp.lines().filter(l -> l.startsWith("a=candidate:")).toList();
                assertFalse(candidates.isEmpty(), sdp);
                assertTrue(
                        candidates.stream().allMatch(c -> c.contains(" " + network.address() + " ")),
                        "only " + network.address() + ": " + candidates);
                assertTrue(
                        candidates.stream()
                                .map(c -> Integer.parseInt(c.split(" ")[5]))
                                .allMatch(port -> port >= 20000 && port <= 20199),
                        "ports within headend.webrtc.ports: " + candidates);
            } finally {
                client.closeAll();
            }
        }
    }

    @Test
    void keepAlivesKeepASessionAndClosingDestroysIt() throws JanusException {
        JanusSession session = cut.open();
        session.keepalive();
        assertTrue(session.isOpen());
        session.close();
        assertFalse(session.isOpen());
        assertFalse(cut.janusSessions().contains(session.id()));
        // Closing twice is harmless.
        session.close();
    }

    @Test
    void aWrongSecretIsRefusedWithoutSayingIt() {
        String right = janus.endpoint.apiSecret();
        var wrong = janus.client();
        var request = Json.createObjectBuilder().add("janus", "create").add("apisecret", "not-" + right);
        var refused = assertThrows(
                JanusException.class,
                () -> wrong.send(
                        janus.endpoint.apiBase(),
                        request.add("transaction", "t").build()));
        assertEquals(403, refused.code());
        assertFalse(refused.getMessage().contains(right));
        wrong.closeAll();
    }

    /** Last in effect: it kills the shared Janus, then starts a fresh one for any test after it. */
    @Test
    void sessionsAreLostWhenJanusDies() throws Exception {
        var gone = new CompletableFuture<String>();
        JanusSession session = cut.open();
        session.attach("janus.plugin.videoroom", new HandleListener() {
            @Override
            public void gone(String reason) {
                gone.complete(reason);
            }
        });
        janus.process().destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        // The long poll fails at once; lostAll is what the supervisor calls on top of it.
        String reason = gone.get(5, TimeUnit.SECONDS);
        cut.lostAll("Janus died");
        assertFalse(session.isOpen(), reason);
        assertEquals(0, cut.openSessions());
        assertThrows(JanusException.class, cut::info);
        assertFalse(cut.answers().join());
        janus.start();
        Await.until("a new session on the new Janus", Duration.ofSeconds(5), () -> {
            try (JanusSession again = cut.open()) {
                return again.isOpen();
            } catch (JanusException e) {
                return false;
            }
        });
    }
}
