package org.headend.webrtc.control;

import java.nio.file.Path;
import java.util.List;
import org.headend.platform.process.FfmpegArgs;

/**
 * The ffmpeg of one WHIP publisher: reads the RTP Janus forwards to local ports (described by an
 * SDP file) and publishes it to the local nginx-rtmp under a relay key, video copied (FLV carries
 * the H.264 as it came) and Opus encoded to AAC (FLV has no Opus). From there the stream goes live
 * as any RTMP publisher's would.
 */
public final class PublishBridge {

    /** The payload types Janus rewrites the forwarded RTP to, and the SDP file names. */
    public static final int VIDEO_PT = 96;

    public static final int AUDIO_PT = 111;

    private PublishBridge() {}

    /** The SDP ffmpeg reads: where the RTP arrives and what it carries. Audio may be absent. */
    public static String sdp(RtpPorts ports, boolean audio) {
        var sdp = new StringBuilder()
                .append("v=0\r\n")
                .append("o=- 0 0 IN IP4 127.0.0.1\r\n")
                .append("s=Headend WHIP bridge\r\n")
                .append("c=IN IP4 127.0.0.1\r\n")
                .append("t=0 0\r\n")
                .append("m=video ")
                .append(ports.video())
                .append(" RTP/AVP ")
                .append(VIDEO_PT)
                .append("\r\n")
                .append("a=rtpmap:" + VIDEO_PT + " H264/90000\r\n")
                .append("a=fmtp:" + VIDEO_PT + " packetization-mode=1\r\n");
        if (audio) {
            sdp.append("m=audio ")
                    .append(ports.audio())
                    .append(" RTP/AVP ")
                    .append(AUDIO_PT)
                    .append("\r\n")
                    .append("a=rtpmap:" + AUDIO_PT + " opus/48000/2\r\n");
        }
        return sdp.toString();
    }

    public static List<String> command(String ffmpeg, Path sdpFile, boolean audio, String publishUrl) {
        List<String> argv = FfmpegArgs.supervisedWithFigures(ffmpeg);
        // An SDP file names UDP/RTP inputs, which ffmpeg only opens from a file when allowed to; the
        // ports are bound on loopback only, where Janus forwards, so nobody else can inject media.
        argv.addAll(List.of(
                "-protocol_whitelist",
                "file,udp,rtp",
                "-localaddr",
                "127.0.0.1",
                "-i",
                sdpFile.toString(),
                "-map",
                "0:v:0"));
        if (audio) {
            argv.addAll(List.of("-map", "0:a:0", "-c:a", "aac", "-b:a", "128k"));
        }
        argv.addAll(List.of("-c:v", "copy", "-f", "flv", "-flvflags", "no_duration_filesize", publishUrl));
        return argv;
    }
}
