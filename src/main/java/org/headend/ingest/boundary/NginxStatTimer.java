package org.headend.ingest.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Logger;
import org.headend.ingest.control.NginxClient;
import org.headend.stream.control.LiveStreams;
import org.headend.stream.entity.InputInfo;
import org.headend.stream.entity.StreamStatus;
import org.headend.transcode.control.TranscoderSupervisor;

/**
 * Every two seconds, copies what nginx-rtmp reports of each live input (bitrate, codecs, size) into
 * the stream's status, and takes offline any stream whose publisher nginx no longer has (a
 * publish_done callback can be lost when the app restarts or nginx dies).
 */
@Singleton
public class NginxStatTimer {

    private static final Logger LOG = Logger.getLogger(NginxStatTimer.class.getName());
    private static final Duration GRACE = Duration.ofSeconds(10);

    @Inject
    NginxClient stat;

    @Inject
    LiveStreams live;

    @Inject
    TranscoderSupervisor transcoders;

    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false)
    void poll() {
        if (live.all().isEmpty()) {
            return;
        }
        Map<String, InputInfo> published;
        try {
            published = stat.published();
        } catch (IOException | RuntimeException e) {
            LOG.fine(() -> "nginx-rtmp statistics unavailable: " + e.getMessage());
            return;
        }
        for (StreamStatus stream : live.all()) {
            InputInfo input = published.get(stream.name());
            if (input != null) {
                live.updateInput(stream.id(), input);
            } else if (stream.since() != null
                    && Instant.now().isAfter(stream.since().plus(GRACE))) {
                LOG.warning(() ->
                        "Stream " + stream.name() + " has no publisher in nginx-rtmp any more; taking it offline");
                transcoders.stop(stream.id());
                live.end(stream.id());
            }
        }
    }
}
