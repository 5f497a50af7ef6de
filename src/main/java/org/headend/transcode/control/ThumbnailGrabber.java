package org.headend.transcode.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import org.headend.platform.process.MediaTools;
import org.headend.platform.process.ProcessSpec;
import org.headend.platform.process.ProcessSupervisor;
import org.headend.platform.process.RunResult;

/**
 * Takes one frame of a live stream with a short-lived ffmpeg, for passthrough ladders whose
 * transcoder copies the source and decodes nothing. At most one grab per stream runs at a time:
 * whoever asks while one runs waits for that one. A grab that hangs is killed after a timeout; the
 * process supervisor stops any still running when the application stops.
 */
@ApplicationScoped
public class ThumbnailGrabber {

    private static final Logger LOG = Logger.getLogger(ThumbnailGrabber.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    @Inject
    MediaTools tools;

    @Inject
    ProcessSupervisor supervisor;

    private final Map<String, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();

    /** Writes a new frame of the stream played at {@code inputUrl} into the output's file, or logs why not. */
    public void grab(String streamId, String inputUrl, ThumbnailOutput output) {
        var mine = new CompletableFuture<Void>();
        CompletableFuture<Void> other = inFlight.putIfAbsent(streamId, mine);
        if (other != null) {
            awaitOther(other);
            return;
        }
        try {
            run(streamId, ThumbnailCommand.grab(tools.ffmpeg(), inputUrl, output));
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
        RunResult result;
        try {
            result = supervisor.run(ProcessSpec.of("thumbnail-" + streamId, command), TIMEOUT);
        } catch (IOException e) {
            LOG.warning(() -> "Cannot start ffmpeg for a thumbnail of stream " + streamId + ": " + e.getMessage());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (result.timedOut()) {
            LOG.warning(
                    () -> "Thumbnail grab of stream " + streamId + " took over " + TIMEOUT.toSeconds() + " s; killed");
        } else if (!result.succeeded()) {
            List<String> said = result.stderr();
            String last = said.isEmpty() ? "" : said.get(said.size() - 1);
            LOG.warning(() ->
                    "Thumbnail grab of stream " + streamId + " failed with code " + result.exitCode() + ": " + last);
        }
    }
}
