package org.headend.webrtc.control;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.headend.testing.Await;
import org.headend.testing.FreePorts;

/**
 * A real Janus configured exactly as the app configures it ({@link JanusConfig}), on free loopback
 * ports in a temporary folder, and a {@link JanusClient} for it outside any container: what the
 * client's tests run against. Closing it stops Janus and deletes the folder.
 */
final class LocalJanus implements AutoCloseable {

    final WebRtcSettings settings = SampleWebRtcSettings.defaults();
    final JanusEndpoint endpoint = new JanusEndpoint();
    final Path dir;
    private final ScheduledExecutorService threads = Executors.newScheduledThreadPool(4);
    private Process janus;

    LocalJanus() {
        this(settings -> {});
    }

    /** A Janus whose settings differ from the defaults as {@code change} says. */
    LocalJanus(Consumer<WebRtcSettings> change) {
        settings.apiPort = FreePorts.next();
        settings.adminPort = FreePorts.next();
        change.accept(settings);
        endpoint.settings = settings;
        endpoint.init();
        try {
            dir = Files.createTempDirectory("janus-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            JanusConfig.write(
                    dir,
                    JanusConfig.values(settings, endpoint, dir),
                    JanusConfig.modules(settings.binary).orElseThrow());
        } catch (IOException | RuntimeException e) {
            closeQuietly(e);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** Starts Janus and waits until its API answers. */
    LocalJanus start() {
        try {
            janus = new ProcessBuilder(
                            settings.binary,
                            "-C",
                            dir.resolve("conf/janus.jcfg").toString(),
                            "-F",
                            dir.resolve("conf").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("janus.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JanusClient probe = client();
        try {
            Await.until("Janus answering on port " + settings.apiPort, Duration.ofSeconds(10), () -> {
                try {
                    return probe.info() != null;
                } catch (JanusException e) {
                    return false;
                }
            });
        } catch (RuntimeException | AssertionError e) {
            // A Janus that never answered must not outlive the test that started it.
            closeQuietly(e);
            throw e;
        } finally {
            probe.closeAll();
        }
        return this;
    }

    /** A client as the container would make it, its executors plain ones. */
    JanusClient client() {
        var client = new JanusClient();
        client.endpoint = endpoint;
        client.executor = managed();
        client.scheduler = managed();
        client.init();
        return client;
    }

    Process process() {
        return janus;
    }

    String log() throws IOException {
        return Files.readString(dir.resolve("janus.log"));
    }

    private ManagedScheduledExecutorService managed() {
        return (ManagedScheduledExecutorService) Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {ManagedScheduledExecutorService.class},
                (proxy, method, args) -> {
                    try {
                        return method.invoke(threads, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    } catch (IllegalArgumentException e) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    @Override
    public void close() throws Exception {
        if (janus != null) {
            janus.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        threads.shutdownNow();
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private void closeQuietly(Throwable cause) {
        try {
            close();
        } catch (Exception e) {
            cause.addSuppressed(e);
        }
    }
}
