package org.headend.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An external HLS origin for tests: a real ffmpeg packaging a test pattern with {@code -f hls}
 * into a temporary folder, served over HTTP by a server that can be made to answer 500. The
 * packager can be frozen (SIGSTOP), thawed and killed, as real origins fail, and restarted into
 * the same folder (its media sequence starting over, as a restarted origin's does).
 */
public final class HlsOrigin implements AutoCloseable {

    private static final String MASTER =
            """
            #EXTM3U
            #EXT-X-STREAM-INF:BANDWIDTH=400000,RESOLUTION=320x180
            index.m3u8
            #EXT-X-STREAM-INF:BANDWIDTH=200000,RESOLUTION=256x144
            index.m3u8?variant=144p
            """;

    private final Path dir;
    private final String label;
    private volatile Process packager;
    private final HttpServer server;
    private volatile boolean failing;
    private final java.util.Set<String> requested = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private HlsOrigin(Path dir, String label, HttpServer server) {
        this.dir = dir;
        this.label = label;
        this.server = server;
    }

    public static HlsOrigin start(String label) {
        try {
            Path dir = Files.createTempDirectory("headend-origin-" + label);
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", FreePorts.next()), 0);
            HlsOrigin origin = new HlsOrigin(dir, label, server);
            origin.packager = packager(dir, label);
            server.createContext("/", origin::serve);
            server.start();
            return origin;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Process packager(Path dir, String label) throws IOException {
        // Each run names its segments apart, so a restart never overwrites what a player was given.
        String run = Long.toString(System.nanoTime());
        Path log = Path.of("target", "it-logs", "origin-" + label + "-" + System.nanoTime() + ".log");
        log.getParent().toFile().mkdirs();
        return new ProcessBuilder(List.of(
                        "ffmpeg",
                        "-hide_banner",
                        "-nostdin",
                        "-loglevel",
                        "error",
                        "-re",
                        "-f",
                        "lavfi",
                        "-i",
                        "testsrc2=size=320x180:rate=15",
                        "-c:v",
                        "libx264",
                        "-preset",
                        "ultrafast",
                        "-g",
                        "30",
                        "-pix_fmt",
                        "yuv420p",
                        "-f",
                        "hls",
                        "-hls_time",
                        "2",
                        "-hls_list_size",
                        "6",
                        "-hls_flags",
                        "delete_segments+program_date_time",
                        "-hls_segment_filename",
                        dir.resolve("seg" + run + "-%d.ts").toString(),
                        dir.resolve("index.m3u8").toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private void serve(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        requested.add(exchange.getRequestURI().toString());
        try (exchange) {
            if (!failing && exchange.getRequestURI().getPath().equals("/master.m3u8")) {
                byte[] body = MASTER.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/vnd.apple.mpegurl");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            Path file =
                    dir.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            if (failing) {
                exchange.sendResponseHeaders(500, -1);
            } else if (!file.startsWith(dir) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                byte[] body = Files.readAllBytes(file);
                exchange.getResponseHeaders()
                        .set(
                                "Content-Type",
                                file.toString().endsWith(".m3u8") ? "application/vnd.apple.mpegurl" : "video/mp2t");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        } catch (IOException deletedMeanwhile) {
            // ffmpeg deletes old segments: a request may lose the race, as with any live origin.
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/index.m3u8";
    }

    /**
     * A master playlist of two variants as a CDN would list a ladder: 180p (first, the one probed
     * for health) is the packager's own playlist, 144p the same one under a query string, so a
     * test sees which one was read for which rendition.
     */
    public String masterUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/master.m3u8";
    }

    /** The request URIs (path and query) served so far. */
    public java.util.Set<String> requested() {
        return java.util.Set.copyOf(requested);
    }

    /** Waits until the packager has written a playlist with at least two segments. */
    public HlsOrigin awaitPlaylist(Duration deadline) {
        Await.until("a playlist from " + url(), deadline, () -> {
            try {
                return Files.readString(dir.resolve("index.m3u8")).split("#EXTINF").length > 2;
            } catch (IOException notYet) {
                return false;
            }
        });
        return this;
    }

    public void failWith500(boolean on) {
        failing = on;
    }

    public void freeze() {
        signal("STOP");
    }

    public void thaw() {
        signal("CONT");
    }

    public void kill() {
        packager.destroyForcibly();
    }

    /** Starts a new packager into the same folder, served on the same URL, after {@link #kill()}. */
    public void restart() {
        kill();
        try {
            packager.waitFor(10, TimeUnit.SECONDS);
            packager = packager(dir, label);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void signal(String name) {
        try {
            int exit = new ProcessBuilder("kill", "-" + name, Long.toString(packager.pid()))
                    .start()
                    .waitFor();
            if (exit != 0) {
                throw new IllegalStateException("kill -" + name + " failed with " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        if (packager.isAlive()) {
            thaw();
            packager.destroyForcibly();
        }
        try {
            packager.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary folder: left for the system to clean.
        }
    }
}
