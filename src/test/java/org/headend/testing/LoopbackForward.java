package org.headend.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes a TCP port on the loopback of a network namespace reachable on the same port of the root
 * namespace's loopback, so a test in the root namespace talks to an app that runs in the
 * namespace and keeps its loopback bindings. socat listens on root 127.0.0.1 and, per connection,
 * runs {@code ip netns exec <ns> socat STDIO TCP:127.0.0.1:<port>}: nothing but the two loopbacks
 * carries the traffic.
 */
public final class LoopbackForward implements AutoCloseable {

    private final Process process;

    private LoopbackForward(Process process) {
        this.process = process;
    }

    /** Forwards root 127.0.0.1:port to 127.0.0.1:port in the namespace, once it listens. */
    public static LoopbackForward start(String namespace, int port, Path log) {
        // socat splits its addresses at ':', so the colons of the inner address are escaped.
        String inner = "EXEC:ip netns exec " + namespace + " socat STDIO TCP\\:127.0.0.1\\:" + port;
        List<String> command = List.of("socat", "TCP-LISTEN:" + port + ",bind=127.0.0.1,reuseaddr,fork", inner);
        LoopbackForward forward;
        try {
            forward = new LoopbackForward(new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Await.until("socat to listen on 127.0.0.1:" + port + " (log: " + log + ")", Duration.ofSeconds(10), () -> {
                if (!forward.process.isAlive()) {
                    throw new IllegalStateException("socat exited with " + forward.process.exitValue());
                }
                return listens(port);
            });
        } catch (RuntimeException | AssertionError notListening) {
            forward.close();
            throw notListening;
        }
        return forward;
    }

    private static boolean listens(int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /** Stops the listener and the connections it still carries. */
    @Override
    public void close() {
        List<ProcessHandle> connections = process.descendants().toList();
        process.destroy();
        connections.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        connections.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
