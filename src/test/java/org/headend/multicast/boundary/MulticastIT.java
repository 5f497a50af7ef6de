package org.headend.multicast.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.headend.testing.Api;
import org.headend.testing.ApiUsers;
import org.headend.testing.Await;
import org.headend.testing.Ffprobe;
import org.headend.testing.HeadendProcess;
import org.headend.testing.LanNamespaces;
import org.headend.testing.MulticastCapture;
import org.headend.testing.Promtool;
import org.headend.testing.Publisher;
import org.headend.testing.SampleStreams;
import org.headend.testing.TsContinuity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Multicast senders on a LAN of network namespaces ({@link LanNamespaces}): a bridge in a namespace
 * of its own, a sender namespace and two receiver namespaces, each with a veth into the bridge. The
 * app runs in the sender namespace (started for this class with {@link HeadendProcess#inNamespace},
 * so its nginx and ffmpegs run there too) and sends on that namespace's veth; the test, in the root
 * namespace, reaches its API and RTMP ports through loopback forwards, and the root namespace has
 * no link into the LAN. Each receiver namespace runs {@link MulticastCapture} as a separate JVM that
 * keeps every datagram. Both receivers get the same datagrams with no continuity-counter error,
 * ffprobe decodes what they got, also across a restart of the sender's source; a third capture
 * listens to SAP, whose announcement parses as SDP naming the group and port, and whose deletion
 * follows the sender's removal. Skipped only where {@code ip netns} cannot be used.
 */
class MulticastIT {

    private static LanNamespaces lan;
    private static HeadendProcess app;
    private final List<Process> captures = new ArrayList<>();
    private Api api;

    @BeforeAll
    static void buildTheLanAndStartTheAppInIt() {
        Assumptions.assumeTrue(LanNamespaces.available(), "ip netns is not available (needs root and iproute2)");
        lan = new LanNamespaces();
        try {
            lan.create();
            app = HeadendProcess.inNamespace(lan.senderNamespace(), Map.of()).start();
        } catch (RuntimeException | AssertionError e) {
            lan.close();
            throw e;
        }
    }

    @AfterAll
    static void stopTheAppAndTearTheLanDown() {
        try {
            if (app != null) {
                app.stop();
            }
        } finally {
            lan.close();
        }
    }

    @BeforeEach
    void signIn() {
        this.api = app.admin();
    }

    @Test
    void bothReceiversGetTheSameCleanStreamAndSapAnnouncesAndDeletesIt() throws Exception {
        var stream = SampleStreams.passthrough(api, "mcast");
        String senders = stream.path() + "/multicast";
        String group = "239.255." + ThreadLocalRandom.current().nextInt(1, 255) + "."
                + ThreadLocalRandom.current().nextInt(1, 255);
        int port = ThreadLocalRandom.current().nextInt(30000, 40000);
        Path dir = Files.createTempDirectory("headend-mcast");
        String sourceLog = "";
        try {
            Api.Reply created = api.post(
                    senders,
                    Json.createObjectBuilder()
                            .add("group", group)
                            .add("port", port)
                            .add("ttl", 1)
                            .add("interface", lan.senderInterface())
                            .add("format", "udp")
                            .add("announce", true)
                            .build());
            assertEquals(201, created.status(), created.body());
            JsonObject sender = created.json();
            String one = senders + "/" + sender.getString("id");
            assertEquals("udp://@" + group + ":" + port, sender.getString("url"));
            assertEquals("WAITING", sender.getString("state"), "a sender waits for its stream");

            Api.Reply collision = api.post(
                    senders,
                    "{\"group\":\"" + group + "\",\"port\":" + port + ",\"interface\":\"" + lan.senderInterface()
                            + "\"}");
            assertEquals(409, collision.status(), collision.body());
            assertTrue(collision.isProblem());

            Path first = dir.resolve("r1.bin");
            Path second = dir.resolve("r2.bin");
            Path sap = dir.resolve("sap.bin");
            capture(1, group, port, first);
            capture(2, group, port, second);
            capture(1, "224.2.127.254", 9875, sap);

            try (Publisher publisher = Publisher.start(app.rtmpUrl(), stream.key(), 320, 180, 15)) {
                api.awaitState(one, "LIVE", Duration.ofSeconds(60));
                assertTrue(lan.inSenderNamespace(app.handle()), "the app runs in the sender namespace");
                for (String program : List.of("nginx", "ffmpeg")) {
                    List<ProcessHandle> started = app.children(program);
                    assertFalse(started.isEmpty(), "the app runs " + program);
                    assertTrue(
                            started.stream().allMatch(lan::inSenderNamespace),
                            program + " runs in the sender namespace");
                }
                Await.until(
                        "both receivers to get 4 s of the stream",
                        Duration.ofSeconds(30),
                        () -> MulticastCapture.datagrams(first).size() > 120
                                && MulticastCapture.datagrams(second).size() > 120);

                String announcement =
                        Await.until("a SAP announcement", Duration.ofSeconds(20), () -> sapMessages(sap).stream()
                                .filter(m -> !m.deletion())
                                .map(SapMessage::sdp)
                                .findFirst()
                                .orElse(null));
                assertTrue(announcement.contains("c=IN IP4 " + group), announcement);
                assertTrue(
                        announcement.lines().anyMatch(l -> l.startsWith("m=video " + port + " ")),
                        "the m= line carries the port: " + announcement);
                assertTrue(announcement.startsWith("v=0"), announcement);

                Api.Download sdp = api.download(one + ".sdp");
                assertEquals(200, sdp.status());
                assertTrue(sdp.header("Content-Type").startsWith("application/sdp"), sdp.header("Content-Type"));
                assertTrue(new String(sdp.body(), StandardCharsets.UTF_8).contains("c=IN IP4 " + group));
                String m3u = api.get("/api/v1/multicast/channels.m3u").body();
                assertTrue(m3u.startsWith("#EXTM3U"), m3u);
                assertTrue(m3u.contains("\nudp://@" + group + ":" + port + "\n"), m3u);
                assertTrue(m3u.contains("#EXTINF:-1," + stream.name() + "\n"), m3u);
                assertEquals(
                        401,
                        new Api(app.baseUrl(), null)
                                .get("/api/v1/multicast/channels.m3u")
                                .status());

                String metrics =
                        Api.fetch(app.baseUrl() + "/metrics?scope=application").body();
                for (String metric : new String[] {
                    "headend_multicast_packets_total",
                    "headend_multicast_bytes_total",
                    "headend_multicast_bytes_per_second",
                    "headend_multicast_jitter_seconds",
                    "headend_multicast_pcr_drift_seconds",
                    "headend_multicast_source_restarts_total"
                }) {
                    assertTrue(
                            metrics.lines()
                                    .anyMatch(l -> l.startsWith(metric + "{")
                                            && l.contains("sender=\"" + group + ":" + port + "\"")),
                            metric + " for the sender");
                }
                assertTrue(metrics.contains("headend_multicast_senders{"), "senders by state");
                String ours = metrics.lines()
                        .filter(l -> l.contains("headend_multicast_"))
                        .reduce("", (a, l) -> a + l + "\n");
                var lint = Promtool.checkMetrics(ours);
                assertEquals(0, lint.exitCode(), "promtool check metrics on the multicast series: " + lint.output());

                JsonObject live = api.get(one).json();
                assertTrue(live.getJsonNumber("packets").longValue() > 0, live.toString());
                assertTrue(live.getJsonNumber("bitrateBitsPerSecond").longValue() > 0, live.toString());

                // One rendition of the ladder (a passthrough ladder's is "source", read from its HLS), as RTP.
                String rtpGroup = group.substring(0, group.lastIndexOf('.') + 1)
                        + (Integer.parseInt(group.substring(group.lastIndexOf('.') + 1)) % 254 + 1);
                Path rtp = dir.resolve("rtp.bin");
                capture(2, rtpGroup, port, rtp);
                JsonObject rendition = api.post(
                                senders,
                                "{\"group\":\"" + rtpGroup + "\",\"port\":" + port + ",\"interface\":\""
                                        + lan.senderInterface()
                                        + "\",\"rendition\":\"source\",\"format\":\"rtp\",\"announce\":false}")
                        .json();
                assertEquals("rtp://@" + rtpGroup + ":" + port, rendition.getString("url"));
                api.awaitState(senders + "/" + rendition.getString("id"), "LIVE", Duration.ofSeconds(60));
                Await.until(
                        "RTP datagrams",
                        Duration.ofSeconds(20),
                        () -> MulticastCapture.datagrams(rtp).size() > 30);
                for (byte[] d : MulticastCapture.datagrams(rtp)) {
                    assertEquals(0x80, d[0] & 0xff, "RTP version 2, no padding, extension or CSRC");
                    assertEquals(33, d[1] & 0x7f, "payload type 33, MPEG-TS (RFC 2250)");
                    assertTrue((d.length - 12) % 188 == 0 && d[12] == 0x47, "whole TS packets after the header");
                }
                assertTrue(api.get("/api/v1/multicast/channels.m3u")
                        .body()
                        .contains("#EXTINF:-1," + stream.name() + " source\nrtp://@" + rtpGroup + ":" + port));
                assertEquals(
                        204,
                        api.delete(senders + "/" + rendition.getString("id")).status());

                // The source ffmpeg dies: the sender starts it again and carries on.
                int before = MulticastCapture.datagrams(first).size();
                killSource(sender.getString("id"));
                Await.until(
                        "a source restart",
                        Duration.ofSeconds(30),
                        () -> api.get(one)
                                        .json()
                                        .getJsonNumber("sourceRestarts")
                                        .longValue()
                                >= 1);
                api.awaitState(one, "LIVE", Duration.ofSeconds(30));
                Await.until(
                        "datagrams after the restart",
                        Duration.ofSeconds(30),
                        () -> MulticastCapture.datagrams(first).size() > before + 60
                                && MulticastCapture.datagrams(second).size() > before + 60);

                sourceLog = api.get(one + "/log").body();
                assertEquals(204, api.delete(one).status());
                Await.until("the SAP deletion", Duration.ofSeconds(10), () -> sapMessages(sap).stream()
                        .anyMatch(SapMessage::deletion));
            }
            stopCaptures();

            List<byte[]> a = MulticastCapture.datagrams(first);
            List<byte[]> b = MulticastCapture.datagrams(second);
            for (List<byte[]> got : List.of(a, b)) {
                assertTrue(
                        got.stream().allMatch(d -> d.length > 0 && d.length <= 1316 && d.length % 188 == 0),
                        "whole TS packets, at most 7 per datagram");
                TsContinuity.Result cc = TsContinuity.check(got);
                assertEquals(0, cc.errors(), "no continuity error: " + cc.firstError() + "; source log: " + sourceLog);
            }
            assertSameDatagrams(a, b);
            Path ts = dir.resolve("r1.ts");
            Files.write(ts, concat(a));
            String streams = Ffprobe.streams(ts);
            assertTrue(streams.contains("h264"), streams);
            assertTrue(streams.contains("aac"), streams);
        } finally {
            stopCaptures();
            stream.close();
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    @Test
    void badSendersAreRefusedAndNothingIsCreated() {
        var stream = SampleStreams.passthrough(api, "mcbad");
        String senders = stream.path() + "/multicast";
        String nic = "\"interface\":\"lo\"";
        try {
            for (String[] bad : new String[][] {
                {"{\"group\":\"10.1.2.3\"," + nic + "}", "group"},
                {"{\"group\":\"239.1.1.1\",\"interface\":\"nosuchnic0\"}", "interface"},
                {"{\"group\":\"239.1.1.1\"}", "interface"},
                {"{\"port\":0," + nic + "}", "port"},
                {"{\"ttl\":256," + nic + "}", "ttl"},
                {"{\"format\":\"hls\"," + nic + "}", "format"},
                {"{\"rendition\":\"720p\"," + nic + "}", "source"},
                {"{\"colour\":\"red\"," + nic + "}", "colour"}
            }) {
                Api.Reply refused = api.post(senders, bad[0]);
                assertEquals(400, refused.status(), bad[0] + " -> " + refused.body());
                assertTrue(refused.isProblem(), refused.contentType());
                assertTrue(refused.json().getString("detail").contains(bad[1]), refused.body());
            }
            assertEquals("[]", api.get(senders).body().replace(" ", ""), "nothing was created");

            // Without a group and port, one is allocated from headend.multicast.range.
            JsonObject allocated = api.post(senders, "{" + nic + "}").json();
            assertTrue(allocated.getString("group").startsWith("239.255.0."), allocated.toString());
            assertTrue(allocated.getInt("port") >= 30000 && allocated.getInt("port") <= 40000);
            assertEquals(1, allocated.getInt("ttl"));
            assertEquals(
                    409,
                    api.post(
                                    senders,
                                    "{\"group\":\"" + allocated.getString("group") + "\",\"port\":"
                                            + allocated.getInt("port") + "," + nic + "}")
                            .status());
            assertEquals(
                    403,
                    ApiUsers.withRole(app, "viewer")
                            .post(senders, "{" + nic + "}")
                            .status());
            assertEquals(
                    204, api.delete(senders + "/" + allocated.getString("id")).status());
            assertEquals(404, api.get(senders + "/" + allocated.getString("id")).status());
            String audit = api.get("/api/v1/audit?object=multicast").body();
            assertTrue(audit.contains("multicast.create") && audit.contains("multicast.delete"), audit);
        } finally {
            stream.close();
        }
    }

    private void capture(int receiver, String group, int port, Path file) throws IOException {
        Files.createFile(file);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(lan.inReceiver(
                        receiver,
                        List.of(
                                java,
                                "-Xmx32m",
                                "-cp",
                                classes(),
                                MulticastCapture.class.getName(),
                                lan.receiverInterface(receiver),
                                group,
                                Integer.toString(port),
                                file.toString())))
                .redirectErrorStream(true)
                .start();
        captures.add(p);
        // The capture says so once it has joined: what is sent after that reaches it.
        String said = new String(p.getInputStream().readNBytes(6), StandardCharsets.UTF_8);
        assertEquals("joined", said, "the capture in " + lan.receiverNamespace(receiver) + " joined " + group);
    }

    /** Where MulticastCapture was compiled: it needs nothing but the JDK. */
    private static String classes() {
        try {
            return Path.of(MulticastCapture.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private void stopCaptures() throws InterruptedException {
        for (Process p : captures) {
            p.destroy();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        captures.clear();
    }

    private void killSource(String senderId) throws IOException {
        Path pidFile = app.home().resolve("run").resolve("multicast-" + senderId + ".pid");
        long pid = Long.parseLong(Files.readString(pidFile).trim().split(" ")[0]);
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }

    /** The receivers joined at different moments: over the datagrams both got, they got the same. */
    private static void assertSameDatagrams(List<byte[]> a, List<byte[]> b) throws Exception {
        List<String> ha = hashes(a);
        List<String> hb = hashes(b);
        int startB = hb.indexOf(ha.get(0));
        int startA = ha.indexOf(hb.get(0));
        assertTrue(startA >= 0 || startB >= 0, "the receivers share datagrams");
        List<String> x = startA >= 0 ? ha.subList(startA, ha.size()) : ha;
        List<String> y = startA >= 0 ? hb : hb.subList(startB, hb.size());
        int overlap = Math.min(x.size(), y.size()) - 10; // the last few may still be on their way to one
        assertTrue(overlap > 100, "overlap of " + overlap + " datagrams");
        assertEquals(x.subList(0, overlap), y.subList(0, overlap), "both receivers saw the same datagrams");
    }

    private static List<String> hashes(List<byte[]> datagrams) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        List<String> out = new ArrayList<>();
        for (byte[] d : datagrams) {
            out.add(HexFormat.of().formatHex(sha.digest(d)));
        }
        return out;
    }

    private static byte[] concat(List<byte[]> datagrams) {
        int size = datagrams.stream().mapToInt(d -> d.length).sum();
        byte[] all = new byte[size];
        int at = 0;
        for (byte[] d : datagrams) {
            System.arraycopy(d, 0, all, at, d.length);
            at += d.length;
        }
        return all;
    }

    record SapMessage(boolean deletion, String sdp) {}

    /** RFC 2974: version 1, IPv4 origin, no authentication data, an optional payload type, then SDP. */
    private static List<SapMessage> sapMessages(Path file) {
        List<SapMessage> out = new ArrayList<>();
        for (byte[] packet : MulticastCapture.datagrams(file)) {
            int flags = packet[0] & 0xff;
            if ((flags >> 5) != 1 || (flags & 0x10) != 0) {
                continue;
            }
            boolean deletion = (flags & 0x04) != 0;
            int at = 4 + 4 + (packet[1] & 0xff) * 4;
            String rest = new String(Arrays.copyOfRange(packet, at, packet.length), StandardCharsets.UTF_8);
            if (!rest.startsWith("v=0")) {
                int nul = rest.indexOf('\0');
                rest = nul >= 0 ? rest.substring(nul + 1) : rest;
            }
            out.add(new SapMessage(deletion, rest));
        }
        return out;
    }
}
