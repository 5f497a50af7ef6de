package org.headend.transcode.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.headend.platform.HeadendHome;
import org.headend.platform.process.ChildProcess;

/**
 * Takes one frame of a live stream with a short-lived ffmpeg, for passthrough ladders whose
 * transcoder copies the source and decodes nothing. At most one grab per stream runs at a time:
 * whoever asks while one runs waits for that one. A grab that hangs is killed after a timeout, and
 * any still running when the application stops is stopped with it.
 */
@ApplicationScoped
public class ThumbnailGrabber {

    private static final Logger LOG = Logger.getLogger(ThumbnailGrabber.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    @Inject
    HeadendHome home;

    @Inject
    @ConfigProperty(name = "headend.ffmpeg.binary", defaultValue = "ffmpeg")
    String ffmpeg;

    @Resource
    ManagedThreadFactory threads;

    private final Map<String, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();
    private final Set<ChildProcess> running = ConcurrentHashMap.newKeySet();

    /** Writes a new frame of the stream played at {@code inputUrl} into the output's file, or logs why not. */
    public void grab(String streamId, String inputUrl, ThumbnailOutput output) {
        var mine = new CompletableFuture<Void>();
        CompletableFuture<Void> other = inFlight.putIfAbsent(streamId, mine);
        if (other != null) {
            awaitOther(other);
            return;
        }
        try {
            run(streamId, ThumbnailCommand.grab(ffmpeg, inputUrl, output));
        } finally {
            inFlight.remove(streamId, mine);
            mine.complete(null);
        }
    }

    private static void awaitOther(CompletableFuture<Void> other) {
        try {
            other.get(TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // The other grab's owner logs its failure; this caller finds no fresh frame.
        }
    }

    private void run(String streamId, List<String> command) {
        var lastError = new AtomicReference<String>("");
        ChildProcess grab;
        try {
            grab = ChildProcess.start(
                    "thumbnail-" + streamId, command, home.dir("run"), threads, line -> {}, lastError::set);
        } catch (IOException e) {
            LOG.warning(() -> "Cannot start ffmpeg for a thumbnail of stream " + streamId + ": " + e.getMessage());
            return;
        }
        running.add(grab);
        try {
            int code = grab.onExit().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (code != 0) {
                LOG.warning(() ->
                        "Thumbnail grab of stream " + streamId + " failed with code " + code + ": " + lastError.get());
            }
        } catch (TimeoutException e) {
            LOG.warning(
                    () -> "Thumbnail grab of stream " + streamId + " took over " + TIMEOUT.toSeconds() + " s; killed");
            grab.kill();
        } catch (ExecutionException e) {
            LOG.warning(() -> "Thumbnail grab of stream " + streamId + " failed: " + e.getCause());
        } catch (InterruptedException e) {
            grab.kill();
            Thread.currentThread().interrupt();
        } finally {
            running.remove(grab);
        }
    }

    @PreDestroy
    void stopAll() {
        running.forEach(ChildProcess::kill);
    }
}
