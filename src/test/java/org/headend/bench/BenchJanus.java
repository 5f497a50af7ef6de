package org.headend.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.headend.testing.Api;
import org.headend.testing.Await;
import org.headend.testing.FreePorts;

/**
 * A Janus of the bench's own (Debian's 1.1.2, not the app's), with a Streaming RTP mountpoint
 * (id 1, H.264 PT 96 on {@link #videoPort()}) fed directly by the timecode source: the WebRTC
 * path with no bridge of the app's in it, measured beside the app's own {@code /whep} so the
 * bridge's share shows. Its HTTP API is on loopback; ICE only on the given interface (Janus skips
 * loopback). The configuration is rendered into a temp folder that is deleted on close.
 */
final class BenchJanus implements AutoCloseable {

    static final int MOUNTPOINT = 1;
    /** A second mountpoint, for the app's bridge command run by the bench ({@link BenchBridge}). */
    static final int BRIDGE_MOUNTPOINT = 2;

    private final Path folder;
    private final int apiPort;
    private final int videoPort;
    private final int bridgePort;
    private final String secret = UUID.randomUUID().toString();
    private final Process process;

    private BenchJanus(String iceInterface) throws IOException {
        folder = Files.createTempDirectory("bench-janus");
        apiPort = FreePorts.next();
        videoPort = FreePorts.next();
        bridgePort = FreePorts.next();
        // ICE/RTP ports below the ephemeral range and away from the app's default 20000-20199.
        int first = 10000 + ThreadLocalRandom.current().nextInt(90) * 100;
        Path conf = Files.createDirectories(folder.resolve("conf"));
        Path plugins = Files.createDirectories(folder.resolve("plugins"));
        Path transports = Files.createDirectories(folder.resolve("transports"));
        Files.createDirectories(folder.resolve("none"));
        Files.createSymbolicLink(
                plugins.resolve("libjanus_streaming.so"),
                Path.of("/usr/lib/x86_64-linux-gnu/janus/plugins/libjanus_streaming.so"));
        Files.createSymbolicLink(
                transports.resolve("libjanus_http.so"),
                Path.of("/usr/lib/x86_64-linux-gnu/janus/transports/libjanus_http.so"));
        Files.writeString(
                conf.resolve("janus.jcfg"),
                "general: { configs_folder = \"" + conf + "\" plugins_folder = \"" + plugins
                        + "\" transports_folder = \"" + transports + "\" events_folder = \"" + folder.resolve("none")
                        + "\" loggers_folder = \"" + folder.resolve("none") + "\" debug_level = 4 api_secret = \""
                        + secret + "\" session_timeout = 60 }\n"
                        + "media: { rtp_port_range = \"" + first + "-" + (first + 99) + "\" }\n"
                        + "nat: { ice_enforce_list = \"" + iceInterface + "\" }\n");
        Files.writeString(
                conf.resolve("janus.transport.http.jcfg"),
                "general: { json = \"compact\" base_path = \"/janus\" http = true port = " + apiPort
                        + " ip = \"127.0.0.1\" https = false }\nadmin: { admin_http = false }\n");
        Files.writeString(
                conf.resolve("janus.plugin.streaming.jcfg"),
                "general: { }\n" + mountpoint("bench", MOUNTPOINT, videoPort)
                        + mountpoint("bridge", BRIDGE_MOUNTPOINT, bridgePort));
        process = new ProcessBuilder(
                        "/usr/bin/janus", "-C", conf.resolve("janus.jcfg").toString(), "-F", conf.toString())
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("janus.log").toFile())
                .start();
    }

    private static String mountpoint(String name, int id, int port) {
        return name + ": { type = \"rtp\" id = " + id + " description = \"" + name + "\" media = ( {"
                + " type = \"video\" mid = \"v\" port = " + port + " pt = 96 codec = \"h264\""
                + " fmtp = \"profile-level-id=42e01f;packetization-mode=1\" } ) }\n";
    }

    static BenchJanus start(String iceInterface) {
        BenchJanus janus;
        try {
            janus = new BenchJanus(iceInterface);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Await.until("the bench's Janus to answer", Duration.ofSeconds(20), () -> {
                if (!janus.process.isAlive()) {
                    throw new IllegalStateException("Janus exited: " + janus.log());
                }
                return Api.fetch(janus.apiUrl() + "/info").status() == 200;
            });
        } catch (RuntimeException | AssertionError e) {
            janus.close();
            throw e;
        }
        return janus;
    }

    String apiUrl() {
        return "http://127.0.0.1:" + apiPort + "/janus";
    }

    String secret() {
        return secret;
    }

    /** Where the mountpoint takes H.264 over RTP (on every address, so 127.0.0.1 works). */
    int videoPort() {
        return videoPort;
    }

    /** Where the bridge mountpoint takes its video. */
    int bridgePort() {
        return bridgePort;
    }

    long pid() {
        return process.pid();
    }

    String log() {
        try {
            String text = Files.readString(folder.resolve("janus.log"));
            return text.substring(Math.max(0, text.length() - 2000));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temp folder; the system cleans what is left.
        }
    }
}
