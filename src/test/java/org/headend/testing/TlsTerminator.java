package org.headend.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A TLS server in front of a local TCP one (socat with a self-signed certificate made by openssl),
 * so that an RTMP destination becomes an RTMPS one, as the platforms' ingest servers are.
 */
public final class TlsTerminator implements AutoCloseable {

    private final Path folder;
    private final int port;
    private final Process socat;

    public TlsTerminator(int backendPort) {
        port = FreePorts.next();
        try {
            folder = Files.createTempDirectory("headend-tls");
            Path key = folder.resolve("key.pem");
            Path cert = folder.resolve("cert.pem");
            run(List.of(
                    "openssl",
                    "req",
                    "-x509",
                    "-newkey",
                    "ec",
                    "-pkeyopt",
                    "ec_paramgen_curve:prime256v1",
                    "-nodes",
                    "-keyout",
                    key.toString(),
                    "-out",
                    cert.toString(),
                    "-days",
                    "2",
                    "-subj",
                    "/CN=127.0.0.1"));
            socat = new ProcessBuilder(
                            "socat",
                            "OPENSSL-LISTEN:" + port + ",bind=127.0.0.1,reuseaddr,fork,verify=0,cert=" + cert + ",key="
                                    + key,
                            "TCP:127.0.0.1:" + backendPort)
                    .redirectErrorStream(true)
                    .redirectOutput(folder.resolve("socat.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Await.until("the TLS server listens", Duration.ofSeconds(10), () -> ListeningPorts.tcp(port));
    }

    public int port() {
        return port;
    }

    private static void run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(command.get(0) + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Stops socat and the per-connection children it forked. */
    @Override
    public void close() {
        List<ProcessHandle> children = socat.descendants().toList();
        socat.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // A temp folder left behind harms nothing.
        }
    }
}
