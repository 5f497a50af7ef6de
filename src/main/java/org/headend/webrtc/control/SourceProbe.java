package org.headend.webrtc.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;
import org.headend.platform.process.MediaTools;
import org.headend.platform.process.ProcessSpec;
import org.headend.platform.process.ProcessSupervisor;
import org.headend.platform.process.RunResult;

/**
 * Asks ffprobe what a live source carries before its WebRTC bridge starts. nginx-rtmp sends the
 * codec headers first, so the answer comes in well under a second; a probe that fails or hangs
 * leaves the safe choice ({@link SourceTraits#UNKNOWN}: the video encoded again).
 */
@ApplicationScoped
public class SourceProbe {

    private static final Logger LOG = Logger.getLogger(SourceProbe.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(8);

    @Inject
    ProcessSupervisor processes;

    @Inject
    MediaTools tools;

    public SourceTraits probe(String streamId, String source) {
        try {
            RunResult run = processes.run(
                    ProcessSpec.of("webrtc-probe-" + streamId, command(tools.ffprobe(), source)), TIMEOUT);
            if (run.succeeded()) {
                return SourceTraits.of(
                        JanusClient.parse(String.join("\n", run.stdout())).asJsonObject());
            }
            LOG.warning(() -> "Probing stream " + streamId + " for WebRTC failed"
                    + (run.timedOut() ? " (no answer)" : ": " + String.join(" ", run.stderr()))
                    + "; its video is encoded again");
        } catch (IOException | JsonParsingException | ClassCastException e) {
            LOG.warning(() -> "Probing stream " + streamId + " for WebRTC failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return SourceTraits.UNKNOWN;
    }

    static List<String> command(String ffprobe, String source) {
        return List.of(
                ffprobe,
                "-v",
                "error",
                "-show_entries",
                "stream=codec_type,codec_name,profile,has_b_frames",
                "-of",
                "json",
                source);
    }
}
