package org.headend.transcode.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.headend.platform.ApiException;
import org.headend.stream.control.LiveStreams;
import org.headend.stream.control.StreamStore;
import org.headend.transcode.entity.Thumbnail;

/**
 * A live stream's latest frame, never older than the configured maximum age: the one its
 * transcoder keeps writing, or for a passthrough ladder one grabbed on demand and reused while
 * fresh. Refuses (404, with the reason) for an unknown or offline stream and for a stale frame.
 */
@ApplicationScoped
public class Thumbnails {

    private static final Logger LOG = Logger.getLogger(Thumbnails.class.getName());

    @Inject
    StreamStore streams;

    @Inject
    LiveStreams live;

    @Inject
    TranscoderSupervisor transcoders;

    @Inject
    ThumbnailSettings settings;

    @Inject
    ThumbnailGrabber grabber;

    public Thumbnail latest(String streamId) {
        streams.find(streamId).orElseThrow(() -> ApiException.notFound("No stream with id '" + streamId + "'."));
        ThumbnailSource source = transcoders
                .thumbnailSource(streamId)
                .filter(s -> live.live(streamId).isPresent())
                .orElseThrow(() -> ApiException.notFound("The stream is offline."));
        ThumbnailOutput output = settings.output(streamId);
        Optional<Thumbnail> fresh = fresh(output.file());
        if (fresh.isEmpty() && source.grabbed()) {
            grabber.grab(streamId, source.inputUrl(), output);
            fresh = fresh(output.file());
        }
        return fresh.orElseThrow(() ->
                ApiException.notFound("No frame newer than " + settings.maxAge().toSeconds() + " s."));
    }

    private Optional<Thumbnail> fresh(Path file) {
        try {
            Instant written = Files.getLastModifiedTime(file).toInstant();
            if (Duration.between(written, Instant.now()).compareTo(settings.maxAge()) > 0) {
                return Optional.empty();
            }
            return Optional.of(new Thumbnail(Files.readAllBytes(file), written));
        } catch (NoSuchFileException none) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.warning(() -> "Cannot read " + file + ": " + e);
            return Optional.empty();
        }
    }
}
