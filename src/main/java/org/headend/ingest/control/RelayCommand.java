package org.headend.ingest.control;

import java.util.List;
import org.headend.platform.process.FfmpegArgs;
import org.headend.stream.entity.InputType;

/**
 * The ffmpeg argument list of an input listener: receive MPEG-TS over SRT or UDP and publish it to
 * the local nginx-rtmp, where it enters the same pipeline as an RTMP publisher (ladder, outputs,
 * recordings, HLS). Video is copied; audio is encoded to AAC because FLV cannot carry the MP2 or
 * AC-3 audio that broadcast encoders often send. The passphrase goes as an option, not inside the
 * URL, so no character of it can change the URL's meaning.
 */
public final class RelayCommand {

    private RelayCommand() {}

    /** What the listener needs: the port, optional multicast group and local address to join on. */
    public record Listen(InputType type, int port, String group, String localAddress, String passphrase) {}

    public static List<String> of(String ffmpeg, Listen listen, String publishUrl) {
        List<String> argv = FfmpegArgs.supervisedWithFigures(ffmpeg);
        if (listen.type() == InputType.SRT && listen.passphrase() != null) {
            argv.addAll(List.of("-passphrase", listen.passphrase()));
        }
        argv.addAll(List.of("-i", inputUrl(listen)));
        argv.addAll(List.of(
                "-map",
                "0:v:0",
                "-map",
                "0:a:0?",
                "-c:v",
                "copy",
                "-c:a",
                "aac",
                "-b:a",
                "160k",
                "-f",
                "flv",
                "-flvflags",
                "no_duration_filesize",
                publishUrl));
        return argv;
    }

    /**
     * No read timeout: an idle listener waits without cost, and the relay's own watchdog ends a run
     * whose sender fell silent.
     */
    static String inputUrl(Listen listen) {
        if (listen.type() == InputType.SRT) {
            return "srt://0.0.0.0:" + listen.port() + "?mode=listener";
        }
        String query = "?overrun_nonfatal=1";
        if (listen.group() == null) {
            return "udp://0.0.0.0:" + listen.port() + query;
        }
        String host = listen.group().contains(":") ? "[" + listen.group() + "]" : listen.group();
        return "udp://" + host + ":" + listen.port() + query
                + (listen.localAddress() == null ? "" : "&localaddr=" + listen.localAddress());
    }
}
