package org.headend.transcode.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.headend.stream.entity.InputInfo;
import org.headend.transcode.entity.Ladder;
import org.headend.transcode.entity.Rendition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real ffmpeg runs the command built for a packager on a worker host (x264, the HLS written to a
 * URL) against a small HTTP server standing in for the node's nginx: every file arrives by PUT under
 * the stream's base URL, over few connections, and the segments that leave the playlist are
 * DELETEd. The input is a short FLV served by the same server, read faster than real time.
 */
class HlsPutIT {

    static final Path FFMPEG = Path.of("/usr/bin/ffmpeg");

    @TempDir
    Path dir;

    HttpServer server;
    final Map<String, byte[]> stored = new ConcurrentHashMap<>();
    final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    final Set<Integer> putConnections = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void startServer() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(FFMPEG), "no ffmpeg here");
        Path input = dir.resolve("in.flv");
        run(List.of(
                FFMPEG.toString(),
                "-hide_banner",
                "-loglevel",
                "error",
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=640x360:rate=30:duration=8",
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=440:duration=8",
                "-c:v",
                "libx264",
                "-preset",
                "ultrafast",
                "-g",
                "30",
                "-c:a",
                "aac",
                "-shortest",
                input.toString()));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/in.flv", exchange -> answer(exchange, 200, Files.readAllBytes(input)));
        server.createContext("/put/", this::store);
        server.start();
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void store(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(exchange.getRequestMethod() + " " + path);
        if (exchange.getRequestMethod().equals("PUT")) {
            putConnections.add(exchange.getRemoteAddress().getPort());
        }
        switch (exchange.getRequestMethod()) {
            case "PUT" -> {
                stored.put(path, exchange.getRequestBody().readAllBytes());
                answer(exchange, 201, new byte[0]);
            }
            case "DELETE" -> {
                stored.remove(path);
                answer(exchange, 204, null);
            }
            default -> answer(exchange, 405, null);
        }
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getRequestBody().readAllBytes();
        exchange.sendResponseHeaders(status, body == null ? -1 : body.length);
        if (body != null) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    @Test
    void aRemotePackagerPutsEveryFileUnderTheStreamsUrlAndDeletesOldSegments() throws Exception {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        var ladder = new Ladder(
                "small",
                false,
                List.of(
                        new Rendition("360p", 640, 360, 500, 64, 30, "main", "ultrafast"),
                        new Rendition("180p", 320, 180, 200, 64, 30, "baseline", "ultrafast")));
        var input = new InputInfo("H264", "AAC", 640, 360, 30, 600, 500, true);
        List<String> command = FfmpegCommand.build(
                FFMPEG.toString(),
                base + "/in.flv",
                RenditionPlan.of(ladder, input),
                input,
                new HlsSettings(1, 3),
                base + "/put/townhall",
                null,
                HostEncoders.x264Only());

        run(command);

        assertTrue(
                requests.stream().allMatch(r -> r.startsWith("PUT ") || r.startsWith("DELETE ")), requests.toString());
        String master = new String(stored.get("/put/townhall/master.m3u8"), StandardCharsets.UTF_8);
        assertTrue(master.contains("360p/index.m3u8") && master.contains("180p/index.m3u8"), master);
        for (String variant : List.of("360p", "180p")) {
            String playlist =
                    new String(stored.get("/put/townhall/" + variant + "/index.m3u8"), StandardCharsets.UTF_8);
            List<String> segments =
                    playlist.lines().filter(l -> l.endsWith(".ts")).toList();
            assertEquals(3, segments.size(), playlist);
            for (String segment : segments) {
                assertTrue(
                        stored.containsKey("/put/townhall/" + variant + "/" + segment),
                        segment + " of " + stored.keySet());
            }
            List<String> deleted = requests.stream()
                    .filter(r -> r.startsWith("DELETE /put/townhall/" + variant + "/seg_"))
                    .toList();
            assertFalse(deleted.isEmpty(), "segments that left the playlist are deleted: " + requests);
            for (String delete : deleted) {
                assertTrue(requests.indexOf("PUT" + delete.substring("DELETE".length())) >= 0, delete);
            }
        }
        // One connection per variant and one for the master, however many files. (ffmpeg 5.1 opens
        // a connection of its own for each DELETE; later versions keep one for those too.)
        assertTrue(putConnections.size() <= 3, "persistent connections: " + putConnections + " for " + requests);
        assertFalse(stored.keySet().stream().anyMatch(p -> p.contains(".tmp")), "no temp files: " + stored.keySet());
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "ffmpeg did not end: " + out);
        assertEquals(0, p.exitValue(), out);
    }
}
