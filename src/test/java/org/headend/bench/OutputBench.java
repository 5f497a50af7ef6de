package org.headend.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.headend.testing.Api;
import org.headend.testing.Await;
import org.headend.testing.HeadendProcess;
import org.headend.testing.Names;
import org.headend.testing.Publisher;
import org.headend.testing.RtmpDestination;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Output figures for BENCHMARKS.md, run by bench/outputs.sh (never by ./headend test): reconnect
 * time over repeated destination kills, and the app's own cost with 100 UDP outputs of one stream.
 */
class OutputBench {

    private static final int KILLS = Integer.getInteger("bench.kills", 20);
    private static final int OUTPUTS = Integer.getInteger("bench.outputs", 100);

    private static HeadendProcess app;
    private static Api api;

    @BeforeAll
    static void start() {
        app = HeadendProcess.inTempHome(Map.of()).start();
        api = app.admin();
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    @Test
    void reconnect() throws Exception {
        JsonObject stream = stream();
        String outputs = "/api/v1/streams/" + stream.getString("id") + "/outputs";
        try (RtmpDestination destination = new RtmpDestination();
                Publisher publisher = Publisher.start(app.rtmpUrl(), stream.getString("streamKey"), 320, 180, 15)) {
            String id = api.post(
                            outputs,
                            Json.createObjectBuilder()
                                    .add("name", "dest")
                                    .add("url", destination.url("k"))
                                    .build())
                    .json()
                    .getString("id");
            api.awaitState(outputs + "/" + id, "LIVE", Duration.ofSeconds(60));
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < KILLS; i++) {
                destination.kill();
                api.awaitState(outputs + "/" + id, "RETRYING", Duration.ofSeconds(20));
                destination.start();
                long back = System.nanoTime();
                api.awaitState(outputs + "/" + id, "LIVE", Duration.ofSeconds(30));
                millis.add((System.nanoTime() - back) / 1_000_000);
            }
            Collections.sort(millis);
            System.out.println("BENCH reconnect kills=" + KILLS + " median_ms=" + millis.get(millis.size() / 2)
                    + " p90_ms=" + millis.get((int) (millis.size() * 0.9) - 1) + " max_ms="
                    + millis.get(millis.size() - 1)
                    + " min_ms=" + millis.get(0));
        }
    }

    @Test
    void hundredUdpOutputs() throws Exception {
        JsonObject stream = stream();
        String outputs = "/api/v1/streams/" + stream.getString("id") + "/outputs";
        List<DatagramSocket> receivers = new ArrayList<>();
        AtomicLong received = new AtomicLong();
        try (Publisher publisher = Publisher.start(app.rtmpUrl(), stream.getString("streamKey"), 320, 180, 15)) {
            Await.until("stream live", Duration.ofSeconds(60), () -> "LIVE"
                    .equals(api.get("/api/v1/streams/" + stream.getString("id"))
                            .json()
                            .getString("state")));
            String before = usage(Duration.ofSeconds(20));
            long start = System.nanoTime();
            for (int i = 0; i < OUTPUTS; i++) {
                DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
                receivers.add(socket);
                Thread receiver = new Thread(() -> drain(socket, received));
                receiver.setDaemon(true);
                receiver.start();
                api.post(
                        outputs,
                        Json.createObjectBuilder()
                                .add("name", "udp-" + i)
                                .add("url", "udp://127.0.0.1:" + socket.getLocalPort())
                                .build());
            }
            Await.until(
                    "all outputs live",
                    Duration.ofSeconds(300),
                    () -> Json.createReader(
                                    new java.io.StringReader(api.get(outputs).body()))
                            .readArray()
                            .stream()
                            .allMatch(o -> o.asJsonObject().getString("state").equals("LIVE")));
            long upMillis = (System.nanoTime() - start) / 1_000_000;
            String with = usage(Duration.ofSeconds(20));
            System.out.println("BENCH outputs=0 " + before);
            System.out.println("BENCH outputs=" + OUTPUTS + " " + with + " all_live_after_ms=" + upMillis
                    + " received_bytes=" + received.get());
        } finally {
            receivers.forEach(DatagramSocket::close);
            api.delete("/api/v1/streams/" + stream.getString("id") + "?force=true");
        }
    }

    /** The app JVM's own CPU (% of one core) and RSS over a window; its children are not counted. */
    private static String usage(Duration window) throws IOException {
        long pid = app.handle().pid();
        long ticks0 = ticks(pid);
        long t0 = System.nanoTime();
        Await.until("the window to pass", window.plusSeconds(5), () -> System.nanoTime() - t0 >= window.toNanos());
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = (ticks(pid) - ticks0) / 100.0 / seconds * 100;
        long rssKb = Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(l -> l.startsWith("VmRSS:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")))
                .findFirst()
                .orElse(0);
        return String.format("app_cpu_pct=%.1f app_rss_mb=%d", cpu, rssKb / 1024);
    }

    private static long ticks(long pid) throws IOException {
        String[] fields = Files.readString(Path.of("/proc/" + pid + "/stat"))
                .replaceAll(".*\\) ", "")
                .split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static void drain(DatagramSocket socket, AtomicLong received) {
        byte[] buffer = new byte[2048];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (!socket.isClosed()) {
            try {
                socket.receive(packet);
                received.addAndGet(packet.getLength());
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static JsonObject stream() {
        var created = api.post(
                "/api/v1/streams",
                Json.createObjectBuilder()
                        .add("name", Names.unique("bench"))
                        .add("ladder", "passthrough")
                        .build());
        assertEquals(201, created.status());
        return created.json();
    }
}
