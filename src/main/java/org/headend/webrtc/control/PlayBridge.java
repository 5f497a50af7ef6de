package org.headend.webrtc.control;

import java.time.Duration;
import java.util.List;
import org.headend.platform.process.Backoff;
import org.headend.platform.process.FfmpegArgs;
import org.headend.platform.process.ProcessListener;
import org.headend.platform.process.ProcessRoles;
import org.headend.platform.process.ProcessSpec;
import org.headend.platform.process.ProcessSupervisor;
import org.headend.platform.process.ProgressWatch;
import org.headend.platform.process.RestartPolicy;
import org.headend.platform.process.SupervisedProcess;

/**
 * The ffmpeg that carries one live stream from nginx-rtmp into its Janus Streaming mountpoint as
 * two RTP flows, supervised as part of the stream's work. Browsers decode no B-frames over
 * WebRTC, so H.264 is copied only from a source without them and otherwise encoded again to
 * baseline; AAC, which WebRTC lacks, always becomes Opus. Janus reads no SDP from the bridge, so
 * the parameter sets go in-band before every keyframe ({@code h264_mp4toannexb}).
 */
public final class PlayBridge {

    static final int VIDEO_PT = 96;
    static final int AUDIO_PT = 111;
    /** Below any path MTU: RTP is not fragmented on the way to Janus, nor by Janus to viewers. */
    private static final int PACKET_SIZE = 1200;

    private static final RestartPolicy RESTART =
            new RestartPolicy(new Backoff(Duration.ofMillis(500), Duration.ofSeconds(10)), Duration.ofSeconds(30), 0);

    private final SupervisedProcess process;

    PlayBridge(ProcessSupervisor processes, String streamId, List<String> command) {
        var spec = ProcessSpec.of("webrtc-bridge-" + streamId, command)
                .withRestart(RESTART)
                .withWatch(ProgressWatch.PROGRESS_BLOCKS, Duration.ofSeconds(15))
                .withStopGrace(Duration.ofSeconds(2))
                .partOf(streamId, ProcessRoles.WEBRTC_BRIDGE);
        this.process = processes.supervise(spec, new ProcessListener() {});
    }

    void start() {
        process.start();
    }

    void stop() {
        process.stop();
    }

    /** The bridge's command: {@code source} read once, video and audio sent to Janus's two ports. */
    public static List<String> command(
            String ffmpeg, String source, SourceTraits traits, int videoPort, int audioPort) {
        List<String> args = FfmpegArgs.supervised(ffmpeg);
        // Playback is live: no input buffering beyond what demuxing needs.
        args.addAll(List.of("-fflags", "+nobuffer", "-i", source));
        args.addAll(List.of("-map", "0:v:0"));
        if (traits.encodeVideo()) {
            args.addAll(List.of(
                    "-c:v",
                    "libx264",
                    "-preset",
                    "veryfast",
                    "-tune",
                    "zerolatency",
                    "-profile:v",
                    "baseline",
                    "-bf",
                    "0",
                    "-pix_fmt",
                    "yuv420p",
                    // A keyframe every second: a viewer that joins decodes within a second.
                    "-force_key_frames",
                    "expr:gte(t,n_forced*1)"));
        } else {
            args.addAll(List.of("-c:v", "copy"));
        }
        args.addAll(List.of("-bsf:v", "h264_mp4toannexb"));
        args.addAll(rtp(VIDEO_PT, videoPort));
        if (traits.audio()) {
            args.addAll(List.of(
                    "-map",
                    "0:a:0",
                    "-c:a",
                    "libopus",
                    "-ar",
                    "48000",
                    "-ac",
                    "2",
                    "-b:a",
                    "96k",
                    "-application",
                    "lowdelay"));
            args.addAll(rtp(AUDIO_PT, audioPort));
        }
        // With only RTP outputs ffmpeg prints their SDP on stdout, where the progress blocks go.
        args.addAll(List.of("-sdp_file", "/dev/null"));
        return args;
    }

    private static List<String> rtp(int payloadType, int port) {
        return List.of(
                "-f",
                "rtp",
                "-payload_type",
                Integer.toString(payloadType),
                "rtp://127.0.0.1:" + port + "?pkt_size=" + PACKET_SIZE);
    }
}
