package org.headend.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * An outside RTMP server for outputs to push to: a second nginx-rtmp of its own (application
 * {@code dest}), on a free port, that a test can kill and bring back on the same port.
 */
public final class RtmpDestination implements AutoCloseable {

    private final Path prefix;
    private final int port;
    private Process nginx;

    public RtmpDestination() {
        port = FreePorts.next();
        try {
            prefix = Files.createTempDirectory("headend-rtmp-dest");
            Files.createDirectories(prefix.resolve("logs"));
            Files.createDirectories(prefix.resolve("conf"));
            Files.writeString(
                    prefix.resolve("conf/nginx.conf"),
                    """
                    load_module /usr/lib/nginx/modules/ngx_rtmp_module.so;
                    worker_processes 1;
                    pid %1$s/logs/nginx.pid;
                    error_log %1$s/logs/error.log warn;
                    daemon off;
                    events { worker_connections 256; }
                    rtmp { server { listen 127.0.0.1:%2$d; application dest { live on; record off; } } }
                    """
                            .formatted(prefix, port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start();
    }

    public String url(String path) {
        return "rtmp://127.0.0.1:" + port + "/dest/" + path;
    }

    public int port() {
        return port;
    }

    /** Starts nginx and waits until it accepts connections. */
    public void start() {
        try {
            nginx = new ProcessBuilder(
                            "nginx", "-p", prefix.toString(), "-c", "conf/nginx.conf", "-e", prefix + "/logs/error.log")
                    .redirectErrorStream(true)
                    .redirectOutput(prefix.resolve("logs/stdout.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Await.until("the destination accepts connections", Duration.ofSeconds(10), this::accepting);
    }

    /** Kills nginx and all its workers, as a crashed destination. */
    public void kill() {
        if (nginx != null) {
            List<ProcessHandle> all = nginx.descendants().toList();
            nginx.destroyForcibly();
            all.forEach(ProcessHandle::destroyForcibly);
            Await.until("the destination is gone", Duration.ofSeconds(10), () -> !accepting());
        }
    }

    public boolean accepting() {
        try (var socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    @Override
    public void close() {
        kill();
    }
}
