package org.headend.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real RTMP publisher: ffmpeg sending a synthetic test pattern and tone, as an encoder would. */
public final class Publisher implements AutoCloseable {

    private final Process process;

    private Publisher(Process process) {
        this.process = process;
    }

    public static Publisher start(String rtmpBase, String key, int width, int height, int fps) {
        return sending(rtmpBase + "/" + key, "flv", fps, testPattern(width, height, fps));
    }

    /**
     * As {@link #start}, but its first GOP (2 s) is solid red before the test pattern: a reader whose
     * first picture is red got the publisher's very first keyframe.
     */
    public static Publisher redFirstGop(String rtmpBase, String key, int width, int height, int fps) {
        String size = "size=" + width + "x" + height + ":rate=" + fps;
        String video = "color=red:" + size + ":duration=2[red];testsrc2=" + size
                + "[pattern];[red][pattern]concat=n=2:v=1:a=0[out0]";
        return sending(rtmpBase + "/" + key, "flv", fps, video);
    }

    /**
     * As {@link #start}, but H.264 High profile with two B-frames between references, as studio
     * encoders send it: what WebRTC playback must encode again for browsers.
     */
    public static Publisher withBFrames(String rtmpBase, String key, int width, int height, int fps) {
        return sending(
                rtmpBase + "/" + key,
                "flv",
                fps,
                testPattern(width, height, fps),
                List.of("-preset", "superfast", "-profile:v", "high", "-bf", "2"));
    }

    /** An encoder sending MPEG-TS, as to an SRT or UDP input ({@code srt://...}, {@code udp://...}). */
    public static Publisher mpegTs(String url, int width, int height, int fps) {
        return sending(url, "mpegts", fps, testPattern(width, height, fps));
    }

    private static String testPattern(int width, int height, int fps) {
        return "testsrc2=size=" + width + "x" + height + ":rate=" + fps;
    }

    private static Publisher sending(String url, String format, int fps, String video) {
        return sending(url, format, fps, video, List.of("-preset", "ultrafast", "-tune", "zerolatency"));
    }

    private static Publisher sending(String url, String format, int fps, String video, List<String> x264) {
        List<String> command = new java.util.ArrayList<>(List.of(
                "ffmpeg",
                "-hide_banner",
                "-nostdin",
                "-loglevel",
                "error",
                "-re",
                "-f",
                "lavfi",
                "-i",
                video,
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=440:sample_rate=48000",
                "-c:v",
                "libx264"));
        command.addAll(x264);
        command.addAll(List.of(
                "-g",
                Integer.toString(fps * 2),
                "-pix_fmt",
                "yuv420p",
                "-c:a",
                "aac",
                "-b:a",
                "64k",
                "-f",
                format,
                url));
        try {
            Path log = Path.of("target", "it-logs", "publisher-" + System.nanoTime() + ".log");
            log.getParent().toFile().mkdirs();
            return new Publisher(new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until the publisher has ended on its own; its exit code. */
    public int awaitExit(Duration deadline) {
        try {
            if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("The publisher still runs after " + deadline.toSeconds() + " s");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
